/**
 * Rich rendering (marked + DOMPurify, about half the widget's bytes) lives in its own chunk, fetched the first
 * time a message actually has markup. Most chat lines are plain sentences: those are shown as text nodes,
 * which is both safe by construction and free, so a visitor who never sees markup never downloads the parser.
 */
import type { Renderer } from './render';

/**
 * Characters and line shapes that markdown (or an html part) could turn into something other than the same
 * text. Anything matching goes through the full pipeline; anything else renders identically as plain text.
 */
const MARKUP = /[*_`#>[\]<|~\\&@]|:\/\/|www\.|^\s*(?:[-+]|\d+[.)])\s|^\s*[-=]{3,}\s*$|^ {4}/m;

export function needsRichRendering(text: string): boolean {
  return MARKUP.test(text);
}

let loaded: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

/** The renderer when its chunk has arrived, else undefined (call `loadRichRenderer`). */
export function richRenderer(): Renderer | undefined {
  return loaded;
}

export function loadRichRenderer(): Promise<Renderer> {
  loading ??= import('./render').then(
    (mod) => {
      loaded = { renderMarkdown: mod.renderMarkdown, renderHtml: mod.renderHtml };
      return loaded;
    },
    (error: unknown) => {
      loading = undefined; // A failed chunk fetch (offline) is retried by the next message that needs it.
      throw error;
    },
  );
  return loading;
}
