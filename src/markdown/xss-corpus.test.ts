// @vitest-environment jsdom
/**
 * XSS corpus (docs/architecture.md §4, hub content): every payload goes through both renderers (the html
 * part sanitiser, and the markdown token renderer), and the result is checked for anything live: the DOM
 * the token renderer built, and the sanitiser's HTML and the token renderer's markup as a browser would
 * parse them (see inert-check.test-helper.ts).
 */
import { describe, expect, test } from 'vitest';
import { findLiveElements, findLiveMarkup, linksAndImages } from './inert-check.test-helper';
import { renderMarkdownDom } from './markdown-dom.test-helper';
import { createRenderCache } from './render-cache';
import { createHtmlRenderer } from './render-html';
import {
  BAD_URLS,
  HTML_PAYLOADS,
  HTML_URL_WRAPPERS,
  MARKDOWN_TRICKS,
  MARKDOWN_URL_WRAPPERS,
  MUTATION_XSS,
  RAW_TEXT_TRICKS,
} from './xss-payloads.test-helper';

const { renderHtml } = createHtmlRenderer(createRenderCache());

/** The markdown renderer's markup, after checking the DOM it built. */
function renderMarkdown(text: string): string {
  const host = renderMarkdownDom(text);
  expect(findLiveElements(host)).toEqual([]);
  return host.innerHTML;
}

function expectInert(html: string): void {
  expect(findLiveMarkup(html)).toEqual([]);
}

describe('link schemes never become links or images', () => {
  describe.each(BAD_URLS)('%j', (url) => {
    test.each(MARKDOWN_URL_WRAPPERS)('%s', (_kind, wrap) => {
      const out = renderMarkdown(wrap(url));
      expectInert(out);
      expect(linksAndImages(out)).toEqual([]);
    });

    test.each(HTML_URL_WRAPPERS)('html part: %s', (_kind, wrap) => {
      const out = renderHtml(wrap(url));
      expectInert(out);
      expect(linksAndImages(out)).toEqual([]);
      expect(out).not.toMatch(/\scite=/);
    });
  });
});

describe('markup payloads', () => {
  test.each(HTML_PAYLOADS)('html part %j is inert', (payload) => {
    expectInert(renderHtml(payload));
  });

  test.each(HTML_PAYLOADS)('markdown %j shows raw HTML as text', (payload) => {
    const out = renderMarkdown(payload);
    expectInert(out);
    expect(linksAndImages(out)).toEqual([]);
  });

  test('raw HTML typed in markdown is visible text', () => {
    const host = renderMarkdownDom('look: <img src=x onerror=alert(1)>');
    expect(host.textContent).toBe('look: <img src=x onerror=alert(1)>');
    expect(host.querySelector('img')).toBeNull();
  });
});

describe('markdown-specific tricks', () => {
  test.each(RAW_TEXT_TRICKS)('text after an inline raw-text tag stays escaped text: %j', (md) => {
    const host = renderMarkdownDom(md);
    expect(host.querySelectorAll('img, svg, object, script, style, [href]')).toHaveLength(0);
    expect(host.textContent).toBe(md);
  });

  test.each(MARKDOWN_TRICKS)('%j', (md) => {
    const out = renderMarkdown(md);
    expectInert(out);
    expect(linksAndImages(out).filter((el) => !el.includes('https://ok.example'))).toEqual([]);
  });
});

describe('mutation XSS', () => {
  test.each(MUTATION_XSS)('html part %j is inert once re-parsed', (payload) => {
    expectInert(renderHtml(payload));
  });

  test.each(MUTATION_XSS)('markdown %j shows as text', (payload) => {
    const host = renderMarkdownDom(payload);
    expect(findLiveElements(host)).toEqual([]);
    expectInert(host.innerHTML);
    expect(host.querySelectorAll('img, svg, math, style, form, button, select')).toHaveLength(0);
  });
});

describe('resource exhaustion (no crash, still inert)', () => {
  test.each([
    ['1,000 nested <div> (html part)', () => renderHtml(`${'<div>'.repeat(1000)}x${'</div>'.repeat(1000)}`)],
    [
      '1,000 nested <div> (markdown)',
      () => renderMarkdown(`${'<div>'.repeat(1000)}x${'</div>'.repeat(1000)}`),
    ],
    ['1,000 nested > quotes', () => renderMarkdown(`${'>'.repeat(1000)} deep`)],
    ['1,000 nested "> " quotes', () => renderMarkdown(`${'> '.repeat(1000)}deep`)],
    [
      'deeply nested lists',
      () => renderMarkdown(Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')),
    ],
    ['18K of "[a]("', () => renderMarkdown('[a]('.repeat(4_500))],
    ['emphasis soup', () => renderMarkdown('*_'.repeat(9_000))],
    ['backticks', () => renderMarkdown('`'.repeat(19_000))],
  ])('%s', (_name, render) => {
    const out = render();
    expect(typeof out).toBe('string');
    expectInert(out);
  });
});
