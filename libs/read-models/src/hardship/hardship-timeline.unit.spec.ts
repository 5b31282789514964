import { timelineOf, type StandingFact } from './hardship-timeline.js';

const fact = (fact: StandingFact['fact'], onDate: string, seq: number, unitId = '410105', level: string | null = null): StandingFact => ({ fact, onDate, seq, unitId, level });

describe('a hardship file timeline', () => {
  it('starts at the first registration and follows lifting out, relapse, a review and a move, each on its day', () => {
    expect(timelineOf([
      fact('cancelled', '2025-01-02', 1), // before registration: not part of the file's standing
      fact('registered', '2025-02-03', 5, '410105', 'deep'),
      fact('lifted', '2025-05-08', 8),
      fact('relapsed', '2025-09-10', 9, '410105', 'relative'),
      fact('moved', '2025-10-01', 10, '410103'),
      fact('reviewed', '2025-11-03', 11, '410103', 'accident'),
    ])).toEqual([
      { validFrom: '2025-02-03', validTo: '2025-05-08', unitId: '410105', level: 'deep', standing: 'active', first: true },
      { validFrom: '2025-05-08', validTo: '2025-09-10', unitId: '410105', level: 'deep', standing: 'lifted', first: false },
      { validFrom: '2025-09-10', validTo: '2025-10-01', unitId: '410105', level: 'relative', standing: 'active', first: false },
      { validFrom: '2025-10-01', validTo: '2025-11-03', unitId: '410103', level: 'relative', standing: 'active', first: false },
      { validFrom: '2025-11-03', validTo: null, unitId: '410103', level: 'accident', standing: 'active', first: false },
    ]);
  });

  it('orders by date, not by when recorded (a relief dated back), and lets the last fact of a day stand for that day', () => {
    expect(timelineOf([
      fact('registered', '2025-02-03', 5, '410105', 'deep'),
      fact('moved', '2025-02-03', 6, '410103'),
      fact('relieved', '2025-07-01', 9, '410103'),
      fact('reviewed', '2025-06-01', 7, '410103', 'relative'),
    ])).toEqual([
      { validFrom: '2025-02-03', validTo: '2025-06-01', unitId: '410103', level: 'deep', standing: 'active', first: true },
      { validFrom: '2025-06-01', validTo: '2025-07-01', unitId: '410103', level: 'relative', standing: 'active', first: false },
      { validFrom: '2025-07-01', validTo: null, unitId: '410103', level: 'relative', standing: 'relieved', first: false },
    ]);
  });

  it('is empty for a file never registered', () => {
    expect(timelineOf([fact('cancelled', '2025-01-02', 1)])).toEqual([]);
  });
});
