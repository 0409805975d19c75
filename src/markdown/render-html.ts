/**
 * The hub's `html` parts: text in, sanitised HTML string out (markdown goes through render-markdown.ts,
 * which builds nodes and needs no sanitiser). This module and DOMPurify are their own chunk, fetched the
 * first time a message has an `html` part.
 *
 *   html: length cap → DOMPurify + URL hook → cache
 *
 * Nothing touches the string after DOMPurify returns it (DOMPurify README: post-processing "might easily
 * void the effects of sanitization"). Any failure (no DOM, stack overflow on absurd nesting) falls back to
 * escaped plain text, which is safe by construction: fail closed, never raw.
 */
import { plainTextHtml } from './escape';
import type { RenderCache } from './render-cache';
import { sanitizeHtml } from './sanitize';
import type { SafeHtml } from './trusted-types';

/** Longest html part that is sanitised: DOMPurify is linear, but a huge parse still blocks the main thread. */
export const HTML_MAX_CHARS = 20_000;

export interface HtmlRenderer {
  /** The hub's `html` parts. */
  renderHtml(html: string): SafeHtml;
}

/**
 * A renderer that keeps its results in `cache` (handed in: the cache lives in the application chunk).
 * `sanitize` is always sanitize.ts's `sanitizeHtml` in the widget; tests hand in one with a layer switched off.
 */
export function createHtmlRenderer(cache: RenderCache, sanitize = sanitizeHtml): HtmlRenderer {
  function runPipeline(input: string): string {
    if (input.length > HTML_MAX_CHARS) return plainTextHtml(input);
    try {
      return sanitize(input);
    } catch {
      return plainTextHtml(input);
    }
  }
  return {
    renderHtml(input) {
      // Hub data is untyped at runtime: a non-string renders as nothing rather than throwing in the UI.
      const text = typeof input === 'string' ? input : '';
      if (text === '') return '' as SafeHtml;
      const hit = cache.get(text);
      if (hit !== undefined) return hit as SafeHtml;
      const html = runPipeline(text);
      cache.set(text, html);
      return html as SafeHtml;
    },
  };
}
