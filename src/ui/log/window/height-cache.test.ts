import { describe, expect, it } from 'vitest';
import { createHeightCache, DEFAULT_ROW_PX, rowOffsets } from './height-cache';

describe('height cache', () => {
  it('estimates unmeasured rows from the measured ones', () => {
    const cache = createHeightCache();
    expect(cache.heightOf('x')).toBe(DEFAULT_ROW_PX);
    cache.set('a', 100);
    cache.set('b', 200);
    expect(cache.estimate).toBe(150);
    expect(cache.heightOf('a')).toBe(100);
    expect(cache.heightOf('x')).toBe(150);
  });

  it('reports how far a measurement moved the rows below, and changes version only then', () => {
    const cache = createHeightCache(50);
    const v0 = cache.version;
    expect(cache.set('a', 80)).toBe(30); // was estimated at 50
    expect(cache.set('a', 80)).toBe(0);
    const v1 = cache.version;
    expect(v1).not.toBe(v0);
    expect(cache.set('a', 60)).toBe(-20);
    expect(cache.version).not.toBe(v1);
  });

  it('forgets rows no longer shown', () => {
    const cache = createHeightCache();
    cache.set('a', 100);
    cache.set('b', 300);
    cache.retain(new Set(['b']));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.estimate).toBe(300);
  });

  it('builds offsets with measured and estimated heights', () => {
    const cache = createHeightCache(10);
    cache.set('b', 40);
    expect(Array.from(rowOffsets(['a', 'b', 'c'], cache))).toEqual([0, 40, 80, 120]);
    expect(Array.from(rowOffsets([], cache))).toEqual([0]);
  });
});
