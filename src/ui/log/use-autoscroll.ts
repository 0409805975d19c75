/**
 * Whether the log follows its end: pinned while the reader is there (within NEAR_END_PX), released when they
 * scroll up to read, and then new content raises a "new messages" pill instead of moving them. Keeping the
 * end in view as heights change is done by the windowing (use-virtual-window.ts), which reads `pinned`.
 */
import type { RefObject } from 'preact';
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';

export const NEAR_END_PX = 80;

export function distanceFromEnd(
  el: Pick<HTMLElement, 'scrollHeight' | 'scrollTop' | 'clientHeight'>,
): number {
  return Math.max(0, el.scrollHeight - el.scrollTop - el.clientHeight);
}

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function toEnd(el: HTMLElement, smooth = false): void {
  const top = el.scrollHeight;
  // Smooth only over a short way: across a long windowed history it would render every row on the way.
  const near = distanceFromEnd(el) < 3 * el.clientHeight;
  if (smooth && near && typeof el.scrollTo === 'function' && !prefersReducedMotion())
    el.scrollTo({ top, behavior: 'smooth' });
  else el.scrollTop = top;
}

export interface AutoscrollOptions {
  log: RefObject<HTMLElement | null>;
  /** Changes whenever something was added to the log. */
  contentKey: readonly unknown[];
  /** Changes when the visitor sent something: always scroll to it. */
  forceKey: unknown;
  /** The log is visible (the panel is open). */
  active: boolean;
}

export function useAutoscroll({ log, contentKey, forceKey, active }: AutoscrollOptions) {
  const pinned = useRef(true);
  const [unseen, setUnseen] = useState(false);
  // Decided during render, so the window of this very render is already the end.
  const lastForce = useRef(forceKey);
  const forced = forceKey !== lastForce.current && forceKey !== undefined;
  lastForce.current = forceKey;
  if (forced) pinned.current = true;

  // A layout effect, so this listener is added before the window's (use-virtual-window.ts) and `pinned` is
  // current when the window re-renders for the same scroll event.
  useLayoutEffect(() => {
    const el = log.current;
    if (!el) return;
    let lastTop = el.scrollTop;
    const onScroll = () => {
      // A hidden panel measures 0 everywhere: that says nothing about where the reader is.
      if (el.clientHeight === 0) return;
      const movedUp = el.scrollTop < lastTop;
      lastTop = el.scrollTop;
      if (distanceFromEnd(el) <= NEAR_END_PX) {
        pinned.current = true;
        setUnseen(false);
      } else if (movedUp) {
        // Only the reader going up lets go of the end. Far from the end without that is the log having
        // shrunk (a phone's keyboard opening) since the scroll was queued: the end is kept in view.
        pinned.current = false;
      }
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [log]);

  useLayoutEffect(() => {
    const el = log.current;
    if (!el) return;
    if (pinned.current) toEnd(el);
    else setUnseen(true);
  }, contentKey);

  useLayoutEffect(() => {
    const el = log.current;
    if (!el || !forced) return;
    setUnseen(false);
    toEnd(el);
  }, [forceKey]);

  useLayoutEffect(() => {
    const el = log.current;
    if (el && active && pinned.current) toEnd(el);
  }, [active, log]);

  const scrollToEnd = useCallback(() => {
    const el = log.current;
    pinned.current = true;
    setUnseen(false);
    if (el) toEnd(el, true);
  }, [log]);

  return { unseen, scrollToEnd, pinned };
}
