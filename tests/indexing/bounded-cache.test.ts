import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/indexing/bounded-cache.js';

describe('BoundedCache', () => {
  it('loads a value once and serves it from memory after', () => {
    const cache = new BoundedCache<string, string>(100, (v) => v.length);
    const loads: string[] = [];
    const load = (key: string) => (loads.push(key), key.repeat(2));
    expect(cache.get('ab', load)).toBe('abab');
    expect(cache.get('ab', load)).toBe('abab');
    expect(loads).toEqual(['ab']);
  });

  it('evicts the least recently used values once their total weight passes the capacity', () => {
    const cache = new BoundedCache<string, string>(10, (v) => v.length);
    const loads: string[] = [];
    const load = (key: string) => (loads.push(key), key.padEnd(4, '.'));
    cache.get('a', load);
    cache.get('b', load);
    cache.get('a', load); // a is now more recent than b
    cache.get('c', load); // 12 > 10: b, the least recently used, goes
    cache.get('a', load);
    cache.get('b', load);
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps a value heavier than the whole capacity until the next one arrives', () => {
    const cache = new BoundedCache<string, string>(3, (v) => v.length);
    const loads: string[] = [];
    const load = (key: string) => (loads.push(key), key.repeat(5));
    cache.get('x', load);
    cache.get('x', load);
    cache.get('y', load);
    cache.get('x', load);
    expect(loads).toEqual(['x', 'y', 'x']);
  });

  it('reads the values of many keys with one load of only the missing ones, and serves them from memory after', () => {
    const cache = new BoundedCache<number, string>(100, (v) => v.length);
    const loads: number[][] = [];
    const load = (missing: number[]) => (loads.push(missing), new Map(missing.map((n) => [n, `v${n}`])));
    expect([...cache.getMany([1, 2, 2], load)]).toEqual([[1, 'v1'], [2, 'v2']]);
    expect([...cache.getMany([3, 1, 2], load)].sort()).toEqual([[1, 'v1'], [2, 'v2'], [3, 'v3']]);
    expect(cache.getMany([1, 2, 3], load).size).toBe(3);
    expect(loads).toEqual([[1, 2], [3]]);
  });
});
