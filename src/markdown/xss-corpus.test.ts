// @vitest-environment jsdom
/**
 * XSS corpus (docs/architecture.md §4, hub content): every payload goes through both pipelines, and the
 * output is parsed in jsdom and checked for anything live (see inert-check.test-helper.ts).
 */
import { describe, expect, test } from 'vitest';
import { findLiveMarkup, linksAndImages } from './inert-check.test-helper';
import { renderHtml, renderMarkdown } from './render';

/** `javascript:` and friends in the spellings browsers and parsers have been fooled by. */
const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java&#x09;script:alert(1)',
  'java&Tab;script:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  '&#0000106avascript:alert(1)',
  '%6Aavascript:alert(1)',
  '   javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '&#x01;javascript:alert(1)',
  'javascript&colon;alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'blob:https://example.com/0000',
  'file:///etc/passwd',
  '//evil.example/x',
  '/relative',
];

/** Markup payloads: event handlers, dangerous elements, mXSS seeds, attribute break-outs. */
const HTML_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img/src=x/onerror=alert(1)>',
  '<img src=x onerror=alert(1)//',
  '<body onload=alert(1)>',
  '<a onmouseover=alert(1)>hover</a>',
  '<a href="https://ok.example" onclick="alert(1)" target="_self" rel="opener">x</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>',
  '<math href="javascript:alert(1)">x</math>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<math><mi><malignmark><style><img src=x onerror=alert(1)></style></malignmark></mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<p title="</noscript><img src=x onerror=alert(1)>">x</p>',
  '<style><img src=x onerror=alert(1)></style>',
  '<style>*{background:url(javascript:alert(1))}</style>',
  '<template><img src=x onerror=alert(1)></template>',
  '<div><template shadowrootmode="open"><img src=x onerror=alert(1)></template></div>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<textarea></textarea><img src=x onerror=alert(1)>',
  '<select><option><img src=x onerror=alert(1)></option></select>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '"><img src=x onerror=alert(1)>.pdf',
  '<details open ontoggle=alert(1)>x</details>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<video poster="javascript:alert(1)"><source src="data:video/mp4,x"></video>',
  '<audio src=x onerror=alert(1)>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<img src="https://ok.example/a.png" srcset="javascript:alert(1) 1x">',
  '<a href="javascript:alert(1)"><img src="https://ok.example/a.png"></a>',
  '<scr<script>ipt>alert(1)</script>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<![CDATA[><img src=x onerror=alert(1)>]]>',
  '<?xml-stylesheet href="javascript:alert(1)"?>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<plaintext><img src=x onerror=alert(1)>',
  '<slot></slot><dialog open>x</dialog>',
  '<a href="https://ok.example" id="__proto__" name="body" class="x">clobber</a>',
  '<div data-sender="user" aria-live="assertive" role="alert" tabindex="0">spoof</div>',
  '<table background="http://tracker.example/p.gif"><tr><td>t</td></tr></table>',
];

function expectInert(html: string): void {
  expect(findLiveMarkup(html)).toEqual([]);
}

describe('link schemes never become links or images', () => {
  describe.each(BAD_URLS)('%j', (url) => {
    test.each([
      ['markdown link', `[x](${url})`],
      ['markdown link in angle brackets', `[x](<${url}>)`],
      ['markdown link with title', `[x](${url} "title")`],
      ['reference-style link', `[x][ref]\n\n[ref]: ${url}`],
      ['autolink', `<${url}>`],
      ['image', `![x](${url})`],
      ['image inside a link', `[![x](${url})](${url})`],
    ])('%s', (_kind, md) => {
      const out = renderMarkdown(md);
      expectInert(out);
      expect(linksAndImages(out)).toEqual([]);
    });

    test.each([
      ['a href', `<a href="${url}">x</a>`],
      ['unquoted a href', `<a href=${url.replace(/\s/g, '')}>x</a>`],
      ['img src', `<img src="${url}" alt="x">`],
    ])('html part: %s', (_kind, html) => {
      const out = renderHtml(html);
      expectInert(out);
      expect(linksAndImages(out)).toEqual([]);
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
    const doc = document.implementation.createHTMLDocument('');
    const host = doc.createElement('div');
    host.innerHTML = renderMarkdown('look: <img src=x onerror=alert(1)>');
    expect(host.textContent).toBe('look: <img src=x onerror=alert(1)>');
    expect(host.querySelector('img')).toBeNull();
  });
});

describe('markdown-specific tricks', () => {
  test.each([
    'a <script>b <img src=x onerror=alert(1)> c',
    '!<script><object data="javascript:alert(1)">',
    'x <pre><svg onload=alert(1)>',
    'y <style><a href="javascript:alert(1)">z</a>',
  ])('text after an inline raw-text tag stays escaped text: %j', (md) => {
    const host = document.implementation.createHTMLDocument('').createElement('div');
    host.innerHTML = renderMarkdown(md);
    expect(host.querySelectorAll('img, svg, object, script, style, [href]')).toHaveLength(0);
    expect(host.textContent).toBe(md);
  });

  test.each([
    '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")',
    '[<img src=x onerror=alert(1)>](https://ok.example)',
    '`<img src=x onerror=alert(1)>`',
    '```html\n<script>alert(1)</script>\n```',
    '[x](https://ok.example/"onmouseover="alert(1))',
    '![x" onerror="alert(1)](https://ok.example/a.png)',
    '[a](javascript:alert(1)) [b](https://ok.example) <javascript:alert(1)>',
    '- [x] <img src=x onerror=alert(1)>',
    '| a |\n|---|\n| <svg onload=alert(1)> |',
    '<a href="javascript:alert(1)">x</a> and [ok](https://ok.example)',
  ])('%j', (md) => {
    expectInert(renderMarkdown(md));
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
