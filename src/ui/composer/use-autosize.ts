/**
 * Grows a textarea with its content; the CSS `max-height` caps it (about six lines), after which it
 * scrolls. The height is set through the CSSOM (`el.style.height`), which a strict `style-src` allows.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

export function fitHeight(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  // A hidden textarea measures 0: leave the CSS height in charge rather than collapsing it.
  if (el.scrollHeight > 0) el.style.height = `${el.scrollHeight}px`;
  else el.style.height = '';
}

export function useAutosize(ref: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    if (ref.current) fitHeight(ref.current);
  }, [ref, value]);
}
