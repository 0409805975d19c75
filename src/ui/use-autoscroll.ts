/**
 * Keeps the log pinned to its end while the reader is there (within NEAR_END_PX), and leaves them alone when
 * they scrolled up to read: new content then raises a "new messages" pill instead. Growth that happens after
 * render (images loading, the composer growing) is followed with a ResizeObserver while pinned.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

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
  if (smooth && typeof el.scrollTo === 'function' && !prefersReducedMotion())
    el.scrollTo({ top, behavior: 'smooth' });
  else el.scrollTop = top;
}

export interface AutoscrollOptions {
  log: RefObject<HTMLElement | null>;
  content: RefObject<HTMLElement | null>;
  /** Changes whenever something was added to the log. */
  contentKey: readonly unknown[];
  /** Changes when the visitor sent something: always scroll to it. */
  forceKey: unknown;
  /** The log is visible (the panel is open). */
  active: boolean;
}

export function useAutoscroll({ log, content, contentKey, forceKey, active }: AutoscrollOptions) {
  const pinned = useRef(true);
  const [unseen, setUnseen] = useState(false);

  useEffect(() => {
    const el = log.current;
    if (!el) return;
    const onScroll = () => {
      // A hidden panel measures 0 everywhere: that says nothing about where the reader is.
      if (el.clientHeight === 0) return;
      pinned.current = distanceFromEnd(el) <= NEAR_END_PX;
      if (pinned.current) setUnseen(false);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            if (pinned.current) toEnd(el);
          })
        : undefined;
    observer?.observe(el);
    if (content.current) observer?.observe(content.current);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [log, content]);

  useLayoutEffect(() => {
    const el = log.current;
    if (!el) return;
    if (pinned.current) toEnd(el);
    else setUnseen(true);
  }, contentKey);

  useLayoutEffect(() => {
    const el = log.current;
    if (!el || forceKey === undefined) return;
    pinned.current = true;
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

  return { unseen, scrollToEnd };
}
