import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<number, string>(2);
    c.set(1, 'a');
    c.set(2, 'b');
    expect(c.get(1)).toBe('a'); // 1 is now most recent
    c.set(3, 'c');
    expect(c.has(2)).toBe(false);
    expect(c.has(1)).toBe(true);
    expect(c.has(3)).toBe(true);
    expect(c.size).toBe(2);
  });
});
