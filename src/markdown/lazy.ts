/**
 * The two rich renderers live in their own chunks, fetched the first time a message needs one:
 *   markdown (marked's lexer + the node builder) when a bot or agent text has markup;
 *   html (DOMPurify + the sanitiser) when a message has an `html` part.
 * Most chat lines are plain sentences: those are shown as text nodes, which is both safe by construction and
 * free, so a visitor who never sees markup never downloads a parser.
 */
import { h } from 'preact';
import { loadOnce } from '../lazy/load-once';
import { createRenderCache } from './render-cache';
import type { HtmlRenderer } from './render-html';
import type { MarkdownRenderer } from './render-markdown';

/**
 * Characters and line shapes that markdown could turn into something other than the same text. Anything
 * matching goes through the markdown renderer; anything else renders identically as plain text.
 */
const MARKUP = /[*_`#>[\]<|~\\&@]|:\/\/|www\.|^\s*(?:[-+]|\d+[.)])\s|^\s*[-=]{3,}\s*$|^ {4}/m;

export function needsRichRendering(text: string): boolean {
  return MARKUP.test(text);
}

export interface LazyRenderer<R> {
  /** The renderer when its chunk has arrived, else undefined (call `load`). */
  current(): R | undefined;
  load(): Promise<R>;
}

function lazy<R>(importer: () => Promise<R>): LazyRenderer<R> {
  let loaded: R | undefined;
  // A failed chunk fetch (offline) is retried by the next message that needs it.
  const load = loadOnce(() =>
    importer().then((renderer) => {
      loaded = renderer;
      return renderer;
    }),
  );
  return { current: () => loaded, load };
}

export const markdownRenderer: LazyRenderer<MarkdownRenderer> = lazy(() =>
  import('./render-markdown').then((mod) => mod.createMarkdownRenderer(h, createRenderCache())),
);

export const htmlRenderer: LazyRenderer<HtmlRenderer> = lazy(() =>
  import('./render-html').then((mod) => mod.createHtmlRenderer(createRenderCache())),
);
