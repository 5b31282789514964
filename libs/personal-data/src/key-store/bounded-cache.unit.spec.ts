import { BoundedCache } from './bounded-cache.js';

describe('the data-key cache', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const cache = new BoundedCache<string, number>(2, 60_000);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it('trusts an entry only for its maximum age, so an erasure elsewhere reaches this process', () => {
    let now = 0;
    const cache = new BoundedCache<string, number>(10, 1_000, () => now);
    cache.set('a', 1);
    now = 999;
    expect(cache.get('a')).toBe(1);
    now = 2_001;
    expect(cache.get('a')).toBeUndefined();
  });
});
