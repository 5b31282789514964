import { FoldedStates, revisionsBefore } from './folded-states.js';

describe('FoldedStates', () => {
  it('hands back a state only for the revision it was folded through, and only once', () => {
    const folded = new FoldedStates<{ n: number }>();
    folded.put('s-1', 4, { n: 4 });
    expect(folded.take('s-1', 3)).toBeUndefined();
    // A mismatched take drops the entry: the caller reads its table and puts the result back.
    expect(folded.take('s-1', 4)).toBeUndefined();
    folded.put('s-1', 4, { n: 4 });
    expect(folded.take('s-1', 4)).toEqual({ n: 4 });
    expect(folded.take('s-1', 4)).toBeUndefined();
  });

  it('a batch applied again after a rollback finds no entry for the revision it needs', () => {
    const folded = new FoldedStates<string>();
    folded.put('s-1', 2, 'through 2'); // committed batch
    expect(folded.take('s-1', 2)).toBe('through 2');
    folded.put('s-1', 5, 'through 5'); // the next batch folded on, then its transaction rolled back
    expect(folded.take('s-1', 2)).toBeUndefined(); // its retry reads the table
  });

  it('keeps at most maxEntries, dropping the least recently put', () => {
    const folded = new FoldedStates<number>(2);
    folded.put('a', 0, 1);
    folded.put('b', 0, 2);
    folded.put('a', 1, 3);
    folded.put('c', 0, 4);
    expect(folded.size).toBe(2);
    expect(folded.take('b', 0)).toBeUndefined();
    expect(folded.take('a', 1)).toBe(3);
    expect(folded.take('c', 0)).toBe(4);
  });
});

describe('revisionsBefore', () => {
  it('gives, per stream, the revision before its first event in the batch, leaving out streams the batch starts', () => {
    const events = [
      { streamId: 'x', streamRevision: 3 },
      { streamId: 'y', streamRevision: 0 },
      { streamId: 'x', streamRevision: 4 },
      { streamId: 'y', streamRevision: 1 },
      { streamId: 'z', streamRevision: 7 },
    ];
    expect([...revisionsBefore(events)]).toEqual([['x', 2], ['z', 6]]);
  });
});
