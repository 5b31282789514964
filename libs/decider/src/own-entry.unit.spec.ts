import { entryOf, withEntry } from './own-entry.js';

describe('entries kept under ids clients give', () => {
  it('are never inherited members of every object', () => {
    const record: Record<string, number> = { a: 1 };
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) expect(entryOf(record, key)).toBeUndefined();
    expect(entryOf(record, 'a')).toBe(1);
  });

  it('are added as own entries, even under __proto__, without touching the prototype', () => {
    const added = withEntry({ a: 1 }, '__proto__', 2);
    expect(Object.getPrototypeOf(added)).toBe(Object.prototype);
    expect(entryOf(added, '__proto__')).toBe(2);
    expect(Object.keys(added)).toEqual(['a', '__proto__']);
  });
});
