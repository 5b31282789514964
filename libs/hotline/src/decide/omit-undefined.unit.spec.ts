import { omitUndefined } from './omit-undefined.js';

describe('omitUndefined', () => {
  it('copies every given key in order and leaves out those that are undefined, without touching the original', () => {
    const original = { a: 1, b: undefined, c: null, d: { e: undefined }, f: '' };
    const copy = omitUndefined(original);

    expect(Object.entries(copy)).toEqual([['a', 1], ['c', null], ['d', { e: undefined }], ['f', '']]);
    expect('b' in copy).toBe(false);
    expect(original).toHaveProperty('b');
  });

  it('keeps an own __proto__ key of parsed input as a plain property, never as the copy’s prototype', () => {
    const copy = omitUndefined(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>);

    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
  });
});
