import { flattenFields, sameValue, structuralDiff } from './structural-diff.js';

describe('structuralDiff', () => {
  it('names each changed field by its dotted path, with the value before and after', () => {
    const before = { status: 'assigned', deadlines: { signForDueAt: '2026-01-06T09:00:00Z', resolveDueAt: '2026-01-20T09:00:00Z' } };
    const after = { status: 'resolved', deadlines: { signForDueAt: '2026-01-06T09:00:00Z', resolveDueAt: '2026-01-27T09:00:00Z' } };

    expect(structuralDiff(before, after)).toEqual([
      { field: 'status', before: 'assigned', after: 'resolved' },
      { field: 'deadlines.resolveDueAt', before: '2026-01-20T09:00:00Z', after: '2026-01-27T09:00:00Z' },
    ]);
  });

  it('finds nothing between two equal states, whatever the order of their keys', () => {
    expect(structuralDiff({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toEqual([]);
  });

  it('shows a field that appears or disappears as null on the other side', () => {
    expect(structuralDiff({ outcome: null, resolution: null }, { outcome: 'solved', resolution: { summary: '已足额支付' } })).toEqual([
      { field: 'outcome', before: null, after: 'solved' },
      { field: 'resolution.summary', before: null, after: '已足额支付' },
    ]);
    expect(structuralDiff({ mergedInto: 'x' }, {})).toEqual([{ field: 'mergedInto', before: 'x', after: null }]);
  });

  it('compares a record with nothing at all: every field is new', () => {
    expect(structuralDiff(null, { id: 'c1', deadlines: { followUpDueAt: null, resolveDueAt: 'r' } })).toEqual([
      { field: 'id', before: null, after: 'c1' },
      { field: 'deadlines.resolveDueAt', before: null, after: 'r' },
    ]);
  });

  it('treats a list as one field, shown whole before and after', () => {
    expect(structuralDiff({ overdue: ['signFor'], links: [] }, { overdue: ['signFor', 'resolve'], links: [] })).toEqual([
      { field: 'overdue', before: ['signFor'], after: ['signFor', 'resolve'] },
    ]);
  });

  it('tells apart values that only look alike: 0, false, an empty string and null', () => {
    expect(structuralDiff({ a: 0, b: false, c: '' }, { a: false, b: null, c: '' }).map((c) => c.field)).toEqual(['a', 'b']);
  });
});

describe('flattenFields', () => {
  it('walks into plain objects only, and leaves out undefined', () => {
    const at = new Date('2026-01-05T00:00:00Z');
    expect([...flattenFields({ a: { b: 1, c: undefined }, d: at, e: [{ f: 1 }] })]).toEqual([
      ['a.b', 1],
      ['d', at],
      ['e', [{ f: 1 }]],
    ]);
  });
});

describe('sameValue', () => {
  it('compares dates by instant and lists item by item', () => {
    expect(sameValue(new Date(5), new Date(5))).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(true);
  });
});
