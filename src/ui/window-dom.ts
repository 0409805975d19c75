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

/** Each row's top and bottom relative to the scroller's top edge. */
export function rowBoxes(scroller: HTMLElement, rows: readonly HTMLElement[]): RowBox[] {
  const top = scroller.getBoundingClientRect().top;
  return rows.map((row) => {
    const r = row.getBoundingClientRect();
    return { id: row.dataset.rowId!, top: r.top - top, bottom: r.bottom - top };
  });
}

/**
 * Records the rows' heights; true when any differs from what the offsets assumed. Whole pixels: a fractional
 * height can change with the row's sub-pixel position, which depends on the spacer above, which depends on
 * the heights; measuring fractions could feed back forever.
 */
export function measureRows(cache: HeightCache, rows: Iterable<Element>): boolean {
  let changed = false;
  for (const row of rows) {
    const id = (row as HTMLElement).dataset.rowId;
    if (id && cache.set(id, Math.round(row.getBoundingClientRect().height)) !== 0) changed = true;
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
  const top = scroller.getBoundingClientRect().top - list.getBoundingClientRect().top;
  return { top, anchor: pickAnchor(rowBoxes(scroller, renderedRows(list))) };
}

/** Keeps the end in view when pinned, else puts the anchor row back where it was; returns the new place. */
export function settle(scroller: HTMLElement, list: HTMLElement, pinned: boolean, place: Place): Place {
  if (pinned) scroller.scrollTop = scroller.scrollHeight;
  else if (place.anchor) {
    const shift = anchorShift(place.anchor, rowBoxes(scroller, renderedRows(list)));
    if (Math.abs(shift) >= 0.5) scroller.scrollTop += shift;
  }
  return locate(scroller, list);
}
