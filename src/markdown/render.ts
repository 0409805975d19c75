/**
 * The public rendering entry points: text from the hub in, sanitised HTML string out.
 *
 *   markdown: length cap → marked (raw HTML escaped) → DOMPurify + URL hook → cache
 *   html:     length cap → DOMPurify + URL hook → cache
 *
 * Nothing touches the string after DOMPurify returns it (DOMPurify README: post-processing "might easily
 * void the effects of sanitization"). Any failure (no DOM, a parser bug, stack overflow on absurd nesting)
 * falls back to escaped plain text, which is safe by construction: fail closed, never raw.
 */
import { plainTextHtml } from './escape';
import { parseMarkdown } from './parse-markdown';
import type { RenderCache } from './render-cache';
import { createRenderCache } from './render-cache';
import { sanitizeHtml } from './sanitize';
import type { SafeHtml } from './trusted-types';

/**
 * Longest input that is parsed. marked has had ReDoS and O(n²) bugs (CVE-2022-21680/21681, 2026 fixes up
 * to 18.0.7, docs/architecture.md §4), so anything longer is shown as escaped plain text, not parsed at all.
 * The same cap applies to html parts: DOMPurify is linear, but a huge parse still blocks the main thread.
 */
export const MARKDOWN_MAX_CHARS = 20_000;

export interface Renderer {
  /** Bot/agent text and `md` parts. */
  renderMarkdown(text: string): SafeHtml;
  /** The hub's `html` parts: the same sanitiser, no markdown step. */
  renderHtml(html: string): SafeHtml;
}

type Kind = 'md' | 'html';

function runPipeline(kind: Kind, input: string): string {
  if (input.length > MARKDOWN_MAX_CHARS) return plainTextHtml(input);
  try {
    return sanitizeHtml(kind === 'md' ? parseMarkdown(input) : input);
  } catch {
    return plainTextHtml(input);
  }
}

/** A renderer with its own cache; tests use it to observe the cache. */
export function createRenderer(cache: RenderCache = createRenderCache()): Renderer {
  function render(kind: Kind, input: string): SafeHtml {
    // Hub data is untyped at runtime: a non-string renders as nothing rather than throwing in the UI.
    const text = typeof input === 'string' ? input : '';
    if (text === '') return '' as SafeHtml;
    const key = `${kind}\u0000${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit as SafeHtml;
    const html = runPipeline(kind, text);
    cache.set(key, html);
    return html as SafeHtml;
  }
  return {
    renderMarkdown: (text) => render('md', text),
    renderHtml: (html) => render('html', html),
  };
}

let shared: Renderer | undefined;

function getShared(): Renderer {
  shared ??= createRenderer();
  return shared;
}

/** Markdown (bot text, `md` parts) → sanitised HTML. Cached; safe to call on every render. */
export function renderMarkdown(text: string): SafeHtml {
  return getShared().renderMarkdown(text);
}

/** An `html` part → sanitised HTML. Cached; safe to call on every render. */
export function renderHtml(html: string): SafeHtml {
  return getShared().renderHtml(html);
}
