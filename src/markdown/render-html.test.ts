// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { escapeHtml, plainTextHtml } from './escape';
import { findLiveMarkup } from './inert-check.test-helper';
import { createRenderCache } from './render-cache';
import { createHtmlRenderer, HTML_MAX_CHARS } from './render-html';

const { renderHtml } = createHtmlRenderer(createRenderCache());

describe('renderHtml', () => {
  test('keeps harmless formatting and polices links', () => {
    expect(renderHtml('<p>Hi <b>there</b>, <a href="https://example.com" target="_self">site</a></p>')).toBe(
      '<p>Hi <b>there</b>, <a href="https://example.com/" target="_blank" rel="noopener noreferrer">site</a></p>',
    );
  });

  test('replaces a refused image with its alt text', () => {
    expect(renderHtml('<p><img src="data:image/png;base64,AAAA" alt="logo"></p>')).toBe('<p>logo</p>');
  });

  test('html parts above the cap are shown as escaped text', () => {
    const html = `<b>x</b>${'y'.repeat(HTML_MAX_CHARS)}`;
    expect(renderHtml(html)).toBe(plainTextHtml(html));
    expect(findLiveMarkup(renderHtml(html))).toEqual([]);
  });

  test('empty and non-string input render as nothing', () => {
    expect(renderHtml('')).toBe('');
    expect(renderHtml(42 as unknown as string)).toBe('');
  });
});

describe('cache', () => {
  test('the same input gives the same string, served from the cache', () => {
    const cache = createRenderCache();
    const renderer = createHtmlRenderer(cache);
    const first = renderer.renderHtml('<b>hello</b>');
    expect(cache.size).toBe(1);
    expect(renderer.renderHtml('<b>hello</b>')).toBe(first);
    expect(cache.get('<b>hello</b>')).toBe(first);
  });
});

describe('escapeHtml', () => {
  test('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
