import { describe, expect, it } from 'vitest';
import { createHeightCache, rowOffsets } from './height-cache';
import {
  anchoredTop,
  anchorShift,
  covers,
  endView,
  indexNear,
  nextRange,
  pickAnchor,
  rowAt,
  visibleRange,
} from './window-range';

/** Offsets of rows with these heights. */
function offsetsOf(heights: number[]): Float64Array {
  const cache = createHeightCache();
  const ids = heights.map((_, i) => `m${i}`);
  for (const [i, h] of heights.entries()) cache.set(`m${i}`, h);
  return rowOffsets(ids, cache);
}

describe('rowAt', () => {
  const offsets = offsetsOf([100, 50, 200]); // tops 0, 100, 150; total 350

  it('finds the row containing a position, clamped to the rows there are', () => {
    expect([0, 99, 100, 149, 150, 349].map((y) => rowAt(offsets, y))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(rowAt(offsets, -50)).toBe(0);
    expect(rowAt(offsets, 10_000)).toBe(2);
    expect(rowAt(new Float64Array(1), 10)).toBe(0);
  });
});

describe('visibleRange', () => {
  const offsets = offsetsOf(Array.from({ length: 1000 }, () => 100)); // 100 px rows

  it('covers the viewport and the overscan on both sides', () => {
    expect(visibleRange(offsets, { top: 5000, height: 400 }, 200, 50)).toEqual({ start: 48, end: 57 });
  });

  it('stops at the ends of the list', () => {
    expect(visibleRange(offsets, { top: 0, height: 400 }, 200, 50)).toEqual({ start: 0, end: 7 });
    expect(visibleRange(offsets, endView(offsets, 400), 200, 50)).toEqual({ start: 994, end: 1000 });
    expect(visibleRange(new Float64Array(1), { top: 0, height: 400 }, 200, 50)).toEqual({ start: 0, end: 0 });
  });

  it('renders at most maxRows, keeping the viewport’s own rows', () => {
    const tiny = offsetsOf(Array.from({ length: 1000 }, () => 2));
    const range = visibleRange(tiny, { top: 1000, height: 40 }, 500, 30);
    expect(range.end - range.start).toBe(30);
    expect(range.start).toBeLessThanOrEqual(rowAt(tiny, 1000));
    expect(range.end).toBeGreaterThan(rowAt(tiny, 1040));
  });

  it('follows variable heights', () => {
    const mixed = offsetsOf([40, 400, 40, 40, 40, 40, 400, 40]); // tops 0 40 440 480 520 560 600 1000
    expect(visibleRange(mixed, { top: 470, height: 100 }, 0, 50)).toEqual({ start: 2, end: 6 });
  });
});

describe('nextRange', () => {
  const offsets = offsetsOf(Array.from({ length: 1000 }, () => 100));
  const first = visibleRange(offsets, { top: 5000, height: 400 }, 500, 50);

  it('keeps the rendered rows while they still cover the viewport with half the overscan to spare', () => {
    expect(nextRange(first, offsets, { top: 5100, height: 400 }, 500, 50)).toBe(first);
    expect(nextRange(first, offsets, { top: 4800, height: 400 }, 500, 50)).toBe(first);
  });

  it('moves the window once the viewport nears its edge, or the rows changed under it', () => {
    const moved = nextRange(first, offsets, { top: 5400, height: 400 }, 500, 50);
    expect(moved).not.toBe(first);
    expect(covers(moved, offsets, { top: 5400, height: 400 }, 500)).toBe(true);
    const shorter = offsetsOf([100, 100]);
    expect(nextRange(first, shorter, { top: 0, height: 400 }, 500, 50)).toEqual({ start: 0, end: 2 });
    expect(nextRange(undefined, offsets, { top: 0, height: 400 }, 500, 50)).toEqual({ start: 0, end: 10 });
  });
});

describe('covers', () => {
  const offsets = offsetsOf([100, 100, 100, 100]);

  it('accepts a range reaching an end of the list without margin there, and refuses an empty one', () => {
    expect(covers({ start: 0, end: 4 }, offsets, { top: 0, height: 400 }, 1000)).toBe(true);
    expect(covers({ start: 1, end: 4 }, offsets, { top: 50, height: 100 }, 0)).toBe(false);
    expect(covers({ start: 2, end: 2 }, offsets, { top: 200, height: 0 }, 0)).toBe(false);
    expect(covers({ start: 0, end: 9 }, offsets, { top: 0, height: 100 }, 0)).toBe(false);
  });
});

describe('anchoring', () => {
  it('anchors on the first row reaching into the viewport', () => {
    const rows = [
      { id: 'a', top: -300, bottom: -100 },
      { id: 'b', top: -100, bottom: 20 },
      { id: 'c', top: 20, bottom: 200 },
    ];
    expect(pickAnchor(rows)).toEqual({ id: 'b', top: -100 });
    expect(pickAnchor([{ id: 'a', top: -300, bottom: -100 }])).toEqual({ id: 'a', top: -300 });
    expect(pickAnchor([])).toBeUndefined();
  });

  it('scrolls by what the rows above the anchor grew (an image loaded), and not for rows below it', () => {
    const anchor = { id: 'b', top: -100 };
    const grownAbove = [
      { id: 'a', top: -300, bottom: 20 },
      { id: 'b', top: 20, bottom: 140 },
      { id: 'c', top: 140, bottom: 320 },
    ];
    expect(anchorShift(anchor, grownAbove)).toBe(120);
    const grownBelow = [
      { id: 'b', top: -100, bottom: 20 },
      { id: 'c', top: 20, bottom: 900 },
    ];
    expect(anchorShift(anchor, grownBelow)).toBe(0);
  });

  it('does not move when the anchor row is no longer rendered', () => {
    expect(anchorShift({ id: 'gone', top: 0 }, [{ id: 'x', top: 50, bottom: 80 }])).toBe(0);
  });

  it('keeps the same rows in view when older rows load above: the shift is their height', () => {
    // Before: rows m0..m2 rendered, m1 anchored at the viewport top. Then 3 older rows of 80 px arrive above.
    const before = offsetsOf([100, 100, 100]);
    const after = offsetsOf([80, 80, 80, 100, 100, 100]);
    const anchorTopBefore = before[1]! - 100; // viewport at scrollTop 100
    const anchorTopAfter = after[4]! - 100; // same scrollTop, the anchor moved down
    expect(
      anchorShift({ id: 'm1', top: anchorTopBefore }, [{ id: 'm1', top: anchorTopAfter, bottom: 0 }]),
    ).toBe(240);
  });

  it('finds the reader’s place in new offsets through the anchor, after estimates moved every spacer', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const estimated = offsetsOf([100, 100, 100, 100]);
    const place = { top: 250, anchor: { id: 'c', top: -50 } }; // c starts 50 px above the viewport
    expect(anchoredTop(estimated, ids, place, { start: 1, end: 4 })).toBe(250);
    const remeasured = offsetsOf([400, 100, 100, 100]); // a turned out taller: everything below moved
    expect(anchoredTop(remeasured, ids, place, { start: 1, end: 4 })).toBe(550);
    expect(anchoredTop(remeasured, ids, { top: 250 }, undefined)).toBe(250);
    expect(anchoredTop(remeasured, ids, { top: 250, anchor: { id: 'gone', top: 0 } }, undefined)).toBe(250);
    expect(indexNear(ids, 'd', { start: 0, end: 2 })).toBe(3);
  });
});
