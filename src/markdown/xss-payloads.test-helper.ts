/**
 * Test helper (not shipped): the XSS corpus, shared by the jsdom tests (xss-corpus, sanitizer-layers) and
 * the Chromium run of the built widget (e2e/xss-in-chromium.spec.ts).
 */

/** `javascript:` and friends in the spellings browsers and parsers have been fooled by. */
export const BAD_URLS = [
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
export const HTML_PAYLOADS = [
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

/** How each bad URL is offered in markdown. */
export const MARKDOWN_URL_WRAPPERS: [string, (url: string) => string][] = [
  ['markdown link', (url) => `[x](${url})`],
  ['markdown link in angle brackets', (url) => `[x](<${url}>)`],
  ['markdown link with title', (url) => `[x](${url} "title")`],
  ['reference-style link', (url) => `[x][ref]\n\n[ref]: ${url}`],
  ['autolink', (url) => `<${url}>`],
  ['image', (url) => `![x](${url})`],
  ['image inside a link', (url) => `[![x](${url})](${url})`],
];

/** How each bad URL is offered in an html part. */
export const HTML_URL_WRAPPERS: [string, (url: string) => string][] = [
  ['a href', (url) => `<a href="${url}">x</a>`],
  ['unquoted a href', (url) => `<a href=${url.replace(/\s/g, '')}>x</a>`],
  ['img src', (url) => `<img src="${url}" alt="x">`],
  ['blockquote cite', (url) => `<blockquote cite="${url}">x</blockquote>`],
  ['q and del cite', (url) => `<q cite="${url}">x</q><del cite="${url}">y</del>`],
];

/** Text after an inline raw-text tag (marked stops escaping there). */
export const RAW_TEXT_TRICKS = [
  'a <script>b <img src=x onerror=alert(1)> c',
  '!<script><object data="javascript:alert(1)">',
  'x <pre><svg onload=alert(1)>',
  'y <style><a href="javascript:alert(1)">z</a>',
];

/** Markdown that tries to smuggle attributes, markup or schemes through marked's syntax. */
export const MARKDOWN_TRICKS = [
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
  '[x](&#106;avascript:alert(1)) [y](java&#x73;cript:alert(1)) ![z](&#x6A;avascript:alert(1))',
  '[x](https://ok.example?&quot;onmouseover=&quot;alert(1))',
  '&lt;img src=x onerror=alert(1)&gt; &#60;script&#62;alert(1)&#60;/script&#62;',
];

/**
 * Mutation XSS: markup that is harmless as the sanitiser parses it but becomes live when the browser parses
 * the serialised result again (namespace confusion, raw-text elements, comments and attributes that close
 * early, form/table foster parenting). Published DOMPurify bypasses and their variants.
 */
export const MUTATION_XSS = [
  // CVE-2020-26870 (DOMPurify 2.0.17): svg > p re-parsed out of the SVG namespace.
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  // DOMPurify 2.0.0 bypass: math > mi > mglyph > style namespace confusion.
  '<math><mi//xlink:href="data:x,<script>alert(4)</script>">',
  '<math><mtext><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  // CVE-2024-47875: nesting depth pushes an element out of its parent on re-parse.
  `${'<div>'.repeat(510)}<math><mi><style><img src=x onerror=alert(1)></style></mi></math>${'</div>'.repeat(510)}`,
  // Foster parenting: text and elements inside <table> are moved before it.
  '<table><tr><td><style></td></tr></table><img src=x onerror=alert(1)></style>',
  '<table><caption><svg><style><img src=x onerror=alert(1)></style></svg></caption></table>',
  // Comments and processing instructions that end early on re-parse.
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<!--!><img src=x onerror=alert(1)>-->',
  '<?><img src=x onerror=alert(1)>',
  // Raw-text elements whose end tag hides in an attribute.
  '<title><img title="</title><img src=x onerror=alert(1)>"></title>',
  '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>',
  '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
  '<noframes><img title="</noframes><img src=x onerror=alert(1)>"></noframes>',
  '<iframe><img title="</iframe><img src=x onerror=alert(1)>"></iframe>',
  // Form nesting: a removed </form> lets a later form swallow elements.
  '<form id="a"><form><button formaction="javascript:alert(1)">x</button></form></form>',
  // Entity decoding in attributes that a second parse turns into markup.
  '<a title="&lt;img src=x onerror=alert(1)&gt;">x</a>',
  '<img alt="&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;" src="https://ok.example/a.png">',
  // Selectedcontent / customizable select (Chromium 2025): clones option content.
  '<select><button><selectedcontent></selectedcontent></button><option><img src=x onerror=alert(1)></option></select>',
];
