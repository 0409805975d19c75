// @vitest-environment jsdom
/**
 * The markdown renderer's two defences, each on its own. Here url-policy.ts is switched off (every URL
 * accepted as written): raw HTML must still come out as text, since the renderer only ever creates its own
 * elements, while the bad-URL cases must now show up as live links, which proves that the corpus tests
 * would catch a broken URL policy (the policy alone is covered by url-policy.test.ts).
 */
import { describe, expect, test, vi } from 'vitest';
import { findLiveElements } from './inert-check.test-helper';
import { renderMarkdownDom } from './markdown-dom.test-helper';
import { BAD_URLS, HTML_PAYLOADS, MUTATION_XSS, RAW_TEXT_TRICKS } from './xss-payloads.test-helper';

vi.mock('./url-policy', () => ({
  safeUrl: (url: unknown) => (typeof url === 'string' ? url : undefined),
  safeImageUrl: (url: unknown) => (typeof url === 'string' ? url : undefined),
  isExternalHttp: () => false,
}));

describe('url policy off', () => {
  test.each([...HTML_PAYLOADS, ...MUTATION_XSS, ...RAW_TEXT_TRICKS])(
    'raw HTML %j is still text',
    (payload) => {
      const host = renderMarkdownDom(payload);
      expect(findLiveElements(host)).toEqual([]);
      expect(host.querySelectorAll('*:not(p):not(br):not(strong):not(em):not(del):not(code)')).toHaveLength(
        0,
      );
    },
  );

  test('control: bad URLs become live links, so the corpus would catch a broken policy', () => {
    const caught = BAD_URLS.filter((url) => findLiveElements(renderMarkdownDom(`[x](<${url}>)`)).length > 0);
    expect(caught).toContain('javascript:alert(1)');
    expect(caught.length).toBeGreaterThan(BAD_URLS.length / 2);
  });
});
