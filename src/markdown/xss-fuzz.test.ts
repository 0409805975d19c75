// @vitest-environment jsdom
/**
 * Property test in the style of DOMPurify's test/fuzz/sanitize.fast-check.js: random strings glued from
 * dangerous fragments (and random text) never render to anything live, with either renderer.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findLiveElements, findLiveMarkup } from './inert-check.test-helper';
import { renderMarkdownDom } from './markdown-dom.test-helper';
import { createRenderCache } from './render-cache';
import { createHtmlRenderer } from './render-html';
import { fuzzPayload as payload } from './xss-fuzz.test-helper';

const { renderHtml } = createHtmlRenderer(createRenderCache());

describe('fuzz: dangerous fragments never render live', () => {
  test('renderHtml', () => {
    fc.assert(
      fc.property(payload, (input) => {
        expect(findLiveMarkup(renderHtml(input))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test('renderMarkdown', () => {
    fc.assert(
      fc.property(payload, (input) => {
        const host = renderMarkdownDom(input);
        expect(findLiveElements(host)).toEqual([]);
        expect(findLiveMarkup(host.innerHTML)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
