/**
 * The DOM side of the windowed log (use-virtual-window.ts): finding the rendered rows, their boxes relative
 * to the viewport, measuring them into the height cache, keeping a ResizeObserver on exactly the rendered
 * rows, and moving the scroll position so the end or the anchor row stays where the reader expects it.
 */
import type { HeightCache } from './height-cache';
import { anchorShift, pickAnchor, type RowBox } from './window-range';

/** The row elements (`data-row-id`) among the list's children; the spacers are skipped. */
export function renderedRows(list: HTMLElement | null): HTMLElement[] {
  if (!list) return [];
  return (Array.from(list.children) as HTMLElement[]).filter((el) => el.dataset.rowId);
}

/**
 * Each row's top and bottom relative to the scroller's visible top. Layout offsets, not client rects: rects
 * include transforms (the panel scales in as it opens, new rows rise), which would misplace the anchor.
 * Needs `.cc-log` and `.cc-window` positioned, so they are the offset parents.
 */
export function rowBoxes(scroller: HTMLElement, list: HTMLElement, rows: readonly HTMLElement[]): RowBox[] {
  const base = list.offsetTop - scroller.scrollTop;
  return rows.map((row) => {
    const top = base + row.offsetTop;
    return { id: row.dataset.rowId!, top, bottom: top + row.offsetHeight };
  });
}

/**
 * Records the rows' heights; true when any differs from what the offsets assumed. Whole layout pixels
 * (`offsetHeight`): a fractional height can change with the row's sub-pixel position, which depends on the
 * spacer above, which depends on the heights, so measuring fractions could feed back forever; and a client
 * rect would be scaled by the panel's opening animation.
 */
export function measureRows(cache: HeightCache, rows: Iterable<Element>): boolean {
  let changed = false;
  for (const row of rows as Iterable<HTMLElement>) {
    const id = row.dataset.rowId;
    if (id && cache.set(id, row.offsetHeight) !== 0) changed = true;
  }
  return changed;
}

/** Observes the rows now rendered and no others (a removed row must not stay referenced); returns them. */
export function syncObserved(
  observer: ResizeObserver | undefined,
  before: ReadonlySet<Element>,
  rows: readonly Element[],
): Set<Element> {
  const now = new Set<Element>(rows);
  if (!observer) return now;
  for (const row of before) if (!now.has(row)) observer.unobserve(row);
  for (const row of rows) if (!before.has(row)) observer.observe(row);
  return now;
}

export interface Place {
  /** The viewport's top relative to the list's top. */
  top: number;
  anchor?: { id: string; top: number } | undefined;
}

/** Where the viewport is over the list, and the anchor row with its position. */
export function locate(scroller: HTMLElement, list: HTMLElement): Place {
  const top = scroller.scrollTop - list.offsetTop;
  return { top, anchor: pickAnchor(rowBoxes(scroller, list, renderedRows(list))) };
}

/** Keeps the end in view when pinned, else puts the anchor row back where it was; returns the new place. */
export function settle(scroller: HTMLElement, list: HTMLElement, pinned: boolean, place: Place): Place {
  if (pinned) scroller.scrollTop = scroller.scrollHeight;
  else if (place.anchor) {
    const shift = anchorShift(place.anchor, rowBoxes(scroller, list, renderedRows(list)));
    if (Math.abs(shift) >= 0.5) scroller.scrollTop += shift;
  }
  return locate(scroller, list);
}
