import { placeFact, timelineOf, unitOn, type StandingFact } from './hardship-timeline.js';

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
      { validFrom: '2025-02-03', validTo: '2025-05-08', unitId: '410105', level: 'deep', standing: 'active', first: true, registration: { unitId: '410105', level: 'deep' } },
      { validFrom: '2025-05-08', validTo: '2025-09-10', unitId: '410105', level: 'deep', standing: 'lifted', first: false, registration: null },
      { validFrom: '2025-09-10', validTo: '2025-10-01', unitId: '410105', level: 'relative', standing: 'active', first: false, registration: null },
      { validFrom: '2025-10-01', validTo: '2025-11-03', unitId: '410103', level: 'relative', standing: 'active', first: false, registration: null },
      { validFrom: '2025-11-03', validTo: null, unitId: '410103', level: 'accident', standing: 'active', first: false, registration: null },
    ]);
  });

  it('orders by date, not by when recorded (a relief dated back), and lets the last fact of a day stand for that day', () => {
    expect(timelineOf([
      fact('registered', '2025-02-03', 5, '410105', 'deep'),
      fact('moved', '2025-02-03', 6, '410103'),
      fact('relieved', '2025-07-01', 9, '410103'),
      fact('reviewed', '2025-06-01', 7, '410103', 'relative'),
    ])).toEqual([
      { validFrom: '2025-02-03', validTo: '2025-06-01', unitId: '410103', level: 'deep', standing: 'active', first: true, registration: { unitId: '410105', level: 'deep' } },
      { validFrom: '2025-06-01', validTo: '2025-07-01', unitId: '410103', level: 'relative', standing: 'active', first: false, registration: null },
      { validFrom: '2025-07-01', validTo: null, unitId: '410103', level: 'relative', standing: 'relieved', first: false, registration: null },
    ]);
  });

  it('is empty for a file never registered', () => {
    expect(timelineOf([fact('cancelled', '2025-01-02', 1)])).toEqual([]);
  });

  it('counts a fact recorded after the registration but dated before it from the registration day, so the file is never active while ended', () => {
    expect(timelineOf([fact('registered', '2020-03-02', 4, '410105', 'deep'), fact('relieved', '2019-12-01', 5)])).toEqual([
      { validFrom: '2020-03-02', validTo: null, unitId: '410105', level: 'deep', standing: 'relieved', first: true, registration: { unitId: '410105', level: 'deep' } },
    ]);
  });
});

describe('where a newly recorded fact counts', () => {
  const known = [fact('registered', '2019-03-18', 4, '410105001', 'deep'), fact('moved', '2026-03-02', 6, '410103')];

  it('gives a fact dated before a move to the unit that kept the file then, and one dated from the move on to the receiving unit', () => {
    expect(unitOn(known, '410105001', '2021-06-01')).toBe('410105001');
    expect(unitOn(known, '410105001', '2026-03-02')).toBe('410103');
    expect(placeFact(known, '410105001', { fact: 'relieved', onDate: '2021-06-01', seq: 7, level: null })).toMatchObject({ onDate: '2021-06-01', unitId: '410105001' });
    expect(placeFact(known, '410105001', { fact: 'moved', onDate: '2026-04-01', seq: 8, level: null, toUnitId: '410102' })).toMatchObject({ unitId: '410102' });
  });

  it('counts nothing but a move before the registration, and nothing dated before the registration before its day', () => {
    expect(placeFact([], '410105001', { fact: 'cancelled', onDate: '2019-01-02', seq: 2, level: null })).toBeNull();
    expect(placeFact(known, '410105001', { fact: 'lifted', onDate: '2019-01-02', seq: 9, level: null })).toMatchObject({ onDate: '2019-03-18', unitId: '410105001' });
  });
});
