/**
 * Test helper (not shipped): runs the markdown renderer the way the UI does (Preact nodes rendered into a
 * `.cc-md` div) and returns the element, so tests can read its markup and check the DOM it built.
 */
import { h, render } from 'preact';
import { createRenderCache } from './render-cache';
import { createMarkdownRenderer, type MarkdownRenderer } from './render-markdown';

let renderer: MarkdownRenderer | undefined;
let scratch: HTMLElement | undefined;

/** The shared renderer with a fresh-per-run cache, as the lazy loader builds it. */
export function markdownRenderer(): MarkdownRenderer {
  renderer ??= createMarkdownRenderer(h, createRenderCache());
  return renderer;
}

/** Renders `text` into a div of an inert document (no resource ever loads) and returns the div. */
export function renderMarkdownDom(text: string, using: MarkdownRenderer = markdownRenderer()): HTMLElement {
  scratch ??= document.implementation.createHTMLDocument('').createElement('div');
  render(null, scratch);
  render(h('div', null, using.renderMarkdown(text)), scratch);
  return scratch.firstElementChild as HTMLElement;
}

/** The markup the renderer produced for `text`. */
export function markdownHtml(text: string): string {
  return renderMarkdownDom(text).innerHTML;
}
