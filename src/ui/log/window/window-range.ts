/**
 * The windowing math of the log, free of the DOM so it can be tested: which rows to render for a viewport
 * (with overscan, and a cap so tiny rows cannot flood the DOM), when the rendered rows still suffice (so
 * scrolling re-renders only near the edges of what is rendered), and which row anchors the reader's place.
 */

export interface Range {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

export interface View {
  /** The viewport's top, in px from the top of the first row. */
  top: number;
  height: number;
}

/** The row containing `y` (offsets from rowOffsets), clamped to the rows there are. */
export function rowAt(offsets: ArrayLike<number>, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rows overlapping the viewport grown by `overscan` px each way, at most `maxRows` of them. */
export function visibleRange(
  offsets: ArrayLike<number>,
  view: View,
  overscan: number,
  maxRows: number,
): Range {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  let start = rowAt(offsets, view.top - overscan);
  let end = rowAt(offsets, view.top + view.height + overscan) + 1;
  if (end - start > maxRows) {
    // Keep the viewport's own rows first; what is cut is overscan (or, for a huge viewport, its bottom).
    const first = rowAt(offsets, view.top);
    const last = rowAt(offsets, view.top + view.height) + 1;
    start = Math.max(start, Math.min(first, last - maxRows));
    end = Math.min(end, start + maxRows);
  }
  return { start, end };
}

/** Whether `range` still covers the viewport with `margin` px to spare on each side (or reaches an end). */
export function covers(range: Range, offsets: ArrayLike<number>, view: View, margin: number): boolean {
  const n = offsets.length - 1;
  if (range.end > n || range.start > range.end || (n > 0 && range.start === range.end)) return false;
  const top = range.start === 0 || offsets[range.start]! <= view.top - margin;
  const bottom = range.end === n || offsets[range.end]! >= view.top + view.height + margin;
  return top && bottom;
}

/** The previous range while it still covers the viewport with half the overscan to spare, else a new one. */
export function nextRange(
  previous: Range | undefined,
  offsets: ArrayLike<number>,
  view: View,
  overscan: number,
  maxRows: number,
): Range {
  if (previous && previous.end - previous.start <= maxRows && covers(previous, offsets, view, overscan / 2))
    return previous;
  return visibleRange(offsets, view, overscan, maxRows);
}

/** The viewport when it sits at the end of the list (the log is pinned there). */
export function endView(offsets: ArrayLike<number>, height: number): View {
  const total = offsets[offsets.length - 1] ?? 0;
  return { top: Math.max(0, total - height), height };
}

export interface RowBox {
  id: string;
  /** Top and bottom relative to the viewport's top edge (negative: above it). */
  top: number;
  bottom: number;
}

/**
 * The row that holds the reader's place: the first one reaching into the viewport. Keeping its top where it
 * was after rows above it change height (or arrive) keeps what the reader looks at still.
 */
export function pickAnchor(rows: readonly RowBox[]): { id: string; top: number } | undefined {
  const row = rows.find((r) => r.bottom > 0) ?? rows[rows.length - 1];
  return row && { id: row.id, top: row.top };
}

/** How far to scroll so the anchor row is back where it was (0 when it is no longer rendered). */
export function anchorShift(anchor: { id: string; top: number }, rows: readonly RowBox[]): number {
  const row = rows.find((r) => r.id === anchor.id);
  return row ? row.top - anchor.top : 0;
}

/** The index of `id`, looked for first among the rows rendered last time (where an anchor is). */
export function indexNear(ids: readonly string[], id: string, near: Range | undefined): number {
  if (near) for (let i = near.start; i < Math.min(near.end, ids.length); i++) if (ids[i] === id) return i;
  return ids.indexOf(id);
}

/**
 * The viewport's top in the current offsets. The anchor row is put back where it was on screen, so the
 * viewport is wherever that row now starts, less its distance from the viewport's top; positions measured
 * in the DOM before the estimate (and with it every spacer) changed would be stale.
 */
export function anchoredTop(
  offsets: ArrayLike<number>,
  ids: readonly string[],
  place: { top: number; anchor?: { id: string; top: number } | undefined },
  near: Range | undefined,
): number {
  if (!place.anchor) return place.top;
  const i = indexNear(ids, place.anchor.id, near);
  return i < 0 ? place.top : offsets[i]! - place.anchor.top;
}
