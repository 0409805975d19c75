/**
 * Windowing for the log: which rows to render, the spacer heights standing in for the others, and the
 * bookkeeping that keeps the reader's place while heights change.
 *
 * - Rows are measured after each render (synchronously, so a wrong estimate is corrected before paint) and
 *   by a ResizeObserver afterwards (images loading, rich text replacing plain text, "show more"); heights
 *   are cached per message id (height-cache.ts).
 * - Anchoring: the first row reaching into the viewport is remembered with its position; after anything
 *   changed, the scroll position is corrected so that row stays put (browser scroll anchoring is switched
 *   off in CSS so the two do not fight). While pinned to the end, the end is kept in view instead.
 * - The ResizeObserver callback only moves the scroll position; the re-render it needs waits for the next
 *   frame, so the observer never sees its own changes within a frame (no "loop limit" errors).
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createHeightCache, type HeightCache, rowOffsets } from './height-cache';
import { locate, measureRows, type Place, renderedRows, settle, syncObserved } from './window-dom';
import { anchoredTop, endView, nextRange, type Range } from './window-range';

/** Rendered beyond each edge of the viewport, so scrolling shows rows that are already there. */
export const OVERSCAN_PX = 500;
/** A bound on rendered rows whatever their size (DOM size stays flat with tiny rows or a huge viewport). */
export const MAX_ROWS = 50;
/** Viewport assumed while the log cannot be measured (hidden, or no layout as in tests). */
const FALLBACK_VIEW_PX = 600;
/** A focused row is kept rendered while the window is at most this many rows away from it. */
const KEEP_WITHIN_ROWS = 100;
/** Re-renders for new measurements within one frame before the rest waits for the next frame. */
const MAX_SYNC_ROUNDS = 4;

export interface VirtualWindowOptions {
  scroller: RefObject<HTMLElement | null>;
  /** The element holding the spacers and rows (`data-row-id` on each row). */
  list: RefObject<HTMLElement | null>;
  ids: readonly string[];
  /** At the end: render the last rows and keep the end in view. */
  pinned: { current: boolean };
  /** A row index to keep rendered (the one holding focus), or -1. */
  keep: number;
}

export interface VirtualWindow extends Range {
  /** Heights of the spacers before and after the rendered rows. */
  before: number;
  after: number;
}

export function useVirtualWindow({ scroller, list, ids, pinned, keep }: VirtualWindowOptions): VirtualWindow {
  const [, setVersion] = useState(0);
  const rerender = () => setVersion((v) => v + 1);
  const state = useRef<{
    cache: HeightCache;
    offsets: Float64Array;
    /** For which rows and heights `offsets` was computed. */
    ids?: readonly string[];
    version?: number;
    range?: Range;
    place: Place;
    /** The viewport's height, once measured. */
    height: number;
    /** Re-renders in a row for new measurements (MAX_SYNC_ROUNDS). */
    rounds: number;
    frame?: number | undefined;
    first?: string | undefined;
    observer?: ResizeObserver | undefined;
    observed: Set<Element>;
  }>(null as never);
  state.current ??= {
    cache: createHeightCache(),
    offsets: new Float64Array(1),
    place: { top: 0 },
    height: 0,
    rounds: 0,
    observed: new Set(),
  };
  const s = state.current;

  // Recomputed only when the rows or a height changed, not for every render (10,000 rows take ~1 ms).
  if (s.ids !== ids || s.version !== s.cache.version) {
    s.ids = ids;
    s.version = s.cache.version;
    s.offsets = rowOffsets(ids, s.cache);
  }
  const offsets = s.offsets;
  const height = s.height || FALLBACK_VIEW_PX;
  const view = pinned.current
    ? endView(offsets, height)
    : { top: anchoredTop(offsets, ids, s.place, s.range), height };
  const range = nextRange(s.range, offsets, view, OVERSCAN_PX, MAX_ROWS);
  s.range = range;
  const shown = { ...range };
  if (keep >= 0 && keep < ids.length && Math.abs(keep - range.start) < KEEP_WITHIN_ROWS) {
    shown.start = Math.min(shown.start, keep);
    shown.end = Math.max(shown.end, keep + 1);
  }

  /** Re-renders on the next frame (coalesced). */
  function later(): void {
    if (s.frame !== undefined) return;
    s.frame = requestAnimationFrame(() => {
      s.frame = undefined;
      rerender();
    });
  }

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      if (el.clientHeight === 0 || !list.current) return;
      s.place = locate(el, list.current);
      const next = { top: s.place.top, height: s.height };
      if (nextRange(s.range, s.offsets, next, OVERSCAN_PX, MAX_ROWS) !== s.range) rerender();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    // The log (its size is the viewport), its content (the welcome text, the typing indicator), the rows.
    // The callback only moves the scroll position; the re-render waits for the next frame, so the observer
    // never sees its own changes within a frame ("loop limit" errors).
    const ro =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            if (el.clientHeight === 0 || !list.current) return; // Hidden: nothing to measure or keep.
            const resized = el.clientHeight !== s.height;
            s.height = el.clientHeight;
            const changed = measureRows(
              s.cache,
              entries.map((e) => e.target),
            );
            s.place = settle(el, list.current, pinned.current, s.place);
            if (changed || resized) later();
          })
        : undefined;
    s.observer = ro;
    ro?.observe(el);
    if (el.firstElementChild) ro?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro?.disconnect();
      s.observed = new Set();
      if (s.frame !== undefined) cancelAnimationFrame(s.frame);
    };
  }, [scroller]);

  useLayoutEffect(() => {
    const el = scroller.current;
    const box = list.current;
    const rows = renderedRows(box);
    s.observed = syncObserved(s.observer, s.observed, rows);
    if (ids[0] !== s.first) {
      s.first = ids[0];
      s.cache.retain(new Set(ids)); // Another conversation: forget the old one's heights.
    }
    if (!el || !box || el.clientHeight === 0) return;
    s.height = el.clientHeight;
    const changed = measureRows(s.cache, rows);
    s.place = settle(el, box, pinned.current, s.place);
    // Estimates were wrong: render again with the measured heights, before this frame is painted. A few
    // rounds converge (each measures the rows the last one brought in); beyond that, wait for a frame.
    if (!changed) s.rounds = 0;
    else if (++s.rounds <= MAX_SYNC_ROUNDS) rerender();
    else later();
  });

  // Whole pixels here too, so rows sit on the same sub-pixel grid whatever the estimate is.
  return {
    ...shown,
    before: Math.round(offsets[shown.start]!),
    after: Math.round(offsets[ids.length]! - offsets[shown.end]!),
  };
}
