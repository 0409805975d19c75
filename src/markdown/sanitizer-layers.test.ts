// @vitest-environment jsdom
/**
 * Defence in depth, verified: the html-part sanitiser has two URL checks (DOMPurify's scheme rule, and the
 * hook that re-checks every URL with url-policy.ts), and each must stop the whole corpus with the other
 * switched off. One gap is by DOMPurify's design and stated here: it always lets `data:` URIs through on
 * `<img src>` (its DATA_URI_TAGS; no option removes them). An image cannot run script, but `data:` images dodge
 * the host's `img-src` policy, so only the hook keeps them out. A control run with both checks off shows
 * that these assertions do catch a broken sanitiser.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findLiveMarkup, linksAndImages } from './inert-check.test-helper';
import { createRenderCache } from './render-cache';
import { createHtmlRenderer } from './render-html';
import { createSanitizer, type SanitizerLayers } from './sanitize';
import { fuzzPayload } from './xss-fuzz.test-helper';
import { BAD_URLS, HTML_PAYLOADS, HTML_URL_WRAPPERS, MUTATION_XSS } from './xss-payloads.test-helper';

function rendererWith(layers: SanitizerLayers) {
  return createHtmlRenderer(createRenderCache({ maxEntries: 0 }), createSanitizer(layers)).renderHtml;
}

const URL_CASES = BAD_URLS.flatMap((url) =>
  HTML_URL_WRAPPERS.map(([kind, wrap]): [string, string] => [`${kind} ${url}`, wrap(url)]),
);

/**
 * What DOMPurify alone lets through by design: a `data:` image source (see above), and an empty URL (`<a
 * href=>`, the page itself: nothing runs, but only the hook drops it, as it drops every URL not allowed).
 */
const DOMPURIFY_BY_DESIGN = /^(?:src="data:[^"]*" on <img>|(?:href|src|cite)="" on <\w+>)$/;

describe.each([
  ['DOMPurify scheme rule alone', { uriRule: true, urlHook: false }, DOMPURIFY_BY_DESIGN],
  ['URL hook alone', { uriRule: false, urlHook: true }, null],
] as const)('%s', (_name, layers, byDesign) => {
  const renderHtml = rendererWith(layers);
  const live = (html: string) => findLiveMarkup(html).filter((p) => !byDesign?.test(p));

  test.each(URL_CASES)('%s: no link, no image, nothing live', (_case, html) => {
    const out = renderHtml(html);
    const problems = findLiveMarkup(out);
    const images = linksAndImages(out);
    if (byDesign && problems.length > 0) {
      expect(problems.filter((p) => !byDesign.test(p))).toEqual([]);
      expect(images.every((el) => el.startsWith('<img src="data:'))).toBe(true);
      return;
    }
    expect(problems).toEqual([]);
    expect(images).toEqual([]);
  });

  test.each([...HTML_PAYLOADS, ...MUTATION_XSS])('%j is inert', (payload) => {
    expect(live(renderHtml(payload))).toEqual([]);
  });

  test('fuzz: dangerous fragments never render live', () => {
    fc.assert(
      fc.property(fuzzPayload, (input) => {
        expect(live(renderHtml(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

test('an empty URL (found by the fuzz: `<a  href=><`) is kept by DOMPurify alone and dropped by the hook', () => {
  const input = '<a  href=><';
  expect(findLiveMarkup(rendererWith({ uriRule: true, urlHook: false })(input))).toEqual(['href="" on <a>']);
  expect(findLiveMarkup(rendererWith({ uriRule: false, urlHook: true })(input))).toEqual([]);
  expect(findLiveMarkup(rendererWith({ uriRule: true, urlHook: true })(input))).toEqual([]);
});

describe('control: both URL checks off', () => {
  const renderHtml = rendererWith({ uriRule: false, urlHook: false });

  test('the corpus catches it: script links survive, so the checks above are not vacuous', () => {
    const caught = URL_CASES.filter(([, html]) => findLiveMarkup(renderHtml(html)).length > 0);
    expect(caught.length).toBeGreaterThan(BAD_URLS.length);
    expect(findLiveMarkup(renderHtml('<a href="javascript:alert(1)">x</a>'))).toEqual([
      'href="javascript:alert(1)" on <a>',
    ]);
  });
});
