// @vitest-environment jsdom
import { type ComponentChildren, h, render } from 'preact';
import { describe, expect, test } from 'vitest';
import { findLiveElements, findLiveMarkup } from './inert-check.test-helper';
import { markdownHtml, renderMarkdownDom } from './markdown-dom.test-helper';
import { createRenderCache } from './render-cache';
import { createMarkdownRenderer, MARKDOWN_MAX_CHARS } from './render-markdown';

describe('renderMarkdown: what chat text needs', () => {
  test('bold, italic, inline code, strikethrough', () => {
    expect(markdownHtml('**b** _i_ `c` ~~s~~')).toBe(
      '<p><strong>b</strong> <em>i</em> <code>c</code> <del>s</del></p>',
    );
  });

  test('lists keep their numbering', () => {
    const host = renderMarkdownDom('- a\n- b\n\n3. x\n4. y');
    expect([...host.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['a', 'b']);
    expect(host.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(renderMarkdownDom('1. one\n2. two').querySelector('ol')?.hasAttribute('start')).toBe(false);
  });

  test('loose lists hold paragraphs, nested lists nest', () => {
    const host = renderMarkdownDom('- a\n\n- b\n  - c');
    expect(host.querySelectorAll('ul > li > p')).toHaveLength(2);
    expect(host.querySelector('ul ul > li')?.textContent).toBe('c');
  });

  test('a single newline is a line break', () => {
    expect(markdownHtml('line one\nline two')).toBe('<p>line one<br>line two</p>');
  });

  test('headings, quotes and rules', () => {
    expect(markdownHtml('# Title\n\n> quoted **bold**\n\n---')).toBe(
      '<h1>Title</h1><blockquote><p>quoted <strong>bold</strong></p></blockquote><hr>',
    );
  });

  test('code blocks are text and lose their language', () => {
    expect(markdownHtml('```js\nif (a < b) x();\n```')).toBe('<pre><code>if (a &lt; b) x();\n</code></pre>');
    expect(markdownHtml('```\n```')).toBe('<pre><code></code></pre>');
  });

  test('tables keep alignment', () => {
    const host = renderMarkdownDom('| a | b |\n|:-:|--:|\n| 1 | 2 |');
    expect(host.querySelector('thead th')?.getAttribute('align')).toBe('center');
    expect(host.querySelector('tbody td')?.getAttribute('align')).toBe('center');
    expect(host.querySelectorAll('tbody td')[1]?.getAttribute('align')).toBe('right');
  });

  test('task lists become text checkboxes', () => {
    expect(renderMarkdownDom('- [x] done\n- [ ] todo').textContent).toBe('☑ done☐ todo');
  });

  test('http(s) links open in a new tab without opener or referrer', () => {
    expect(markdownHtml('[docs](https://example.com/docs "The docs")')).toBe(
      '<p><a href="https://example.com/docs" title="The docs" target="_blank" rel="noopener noreferrer">docs</a></p>',
    );
  });

  test('bare URLs and emails are linked (GFM autolinks)', () => {
    const links = [...renderMarkdownDom('see https://example.com or help@example.com').querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/',
      'mailto:help@example.com',
    ]);
    expect(links.map((a) => a.textContent)).toEqual(['https://example.com', 'help@example.com']);
  });

  test('mailto and tel links keep href and get no target', () => {
    const [mail, tel] = renderMarkdownDom(
      '[mail](mailto:help@example.com) [call](tel:+15550100)',
    ).querySelectorAll('a');
    expect(mail?.outerHTML).toBe('<a href="mailto:help@example.com">mail</a>');
    expect(tel?.outerHTML).toBe('<a href="tel:+15550100">call</a>');
  });

  test('refused and relative links render as their label', () => {
    expect(markdownHtml('[evil](javascript:alert(1)) [rel](/path)')).toBe('<p>evil rel</p>');
  });

  test('https images are kept, lazy and without referrer', () => {
    const img = renderMarkdownDom('![chart](https://example.com/c.png "Sales")').querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://example.com/c.png');
    expect(img?.getAttribute('alt')).toBe('chart');
    expect(img?.getAttribute('title')).toBe('Sales');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  test('refused images show their alt text', () => {
    expect(markdownHtml('![pixel](http://tracker.example/p.gif)')).toBe('<p>pixel</p>');
    expect(markdownHtml('![a **b** `c`](javascript:x)')).toBe('<p>a b c</p>');
  });

  test('character references show as the characters they stand for', () => {
    expect(
      renderMarkdownDom('Tom &amp; Jerry &copy; &#65;&#x42; &eacute;t&eacute; &amp;lt; &nope;').textContent,
    ).toBe('Tom & Jerry © AB été &lt; &nope;');
    expect(renderMarkdownDom('`&amp;` \\&amp;').textContent).toBe('&amp; &amp;');
    const a = renderMarkdownDom('[x](https://example.com/?a=1&amp;b=2 "&quot;t&quot;")').querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.com/?a=1&b=2');
    expect(a?.getAttribute('title')).toBe('"t"');
  });

  test('raw HTML is shown as the text it is, inline and as a block', () => {
    const host = renderMarkdownDom('a <b onclick="x()">b</b>\n\n<div>\n<img src=x onerror=alert(1)>\n</div>');
    expect(host.querySelector('b, img, div')).toBeNull();
    expect(host.textContent).toBe('a <b onclick="x()">b</b><div><img src=x onerror=alert(1)></div>');
    expect(host.querySelectorAll('p:last-child br')).toHaveLength(2);
  });

  test('empty and non-string input render as nothing', () => {
    expect(markdownHtml('')).toBe('');
    expect(markdownHtml(undefined as unknown as string)).toBe('');
  });
});

describe('limits', () => {
  test('above MARKDOWN_MAX_CHARS the text is plain text, not parsed', () => {
    const text = `**not bold** <img src=x onerror=alert(1)>\nnext line ${'x'.repeat(MARKDOWN_MAX_CHARS)}`;
    const host = renderMarkdownDom(text);
    expect(
      host.innerHTML.startsWith('<p class="cc-plain">**not bold** &lt;img src=x onerror=alert(1)&gt;\n'),
    ).toBe(true);
    expect(host.textContent).toBe(text);
  });

  test('at the cap the text is still parsed', () => {
    const text = `**b**${'x'.repeat(MARKDOWN_MAX_CHARS - 5)}`;
    expect(markdownHtml(text).startsWith('<p><strong>b</strong>')).toBe(true);
  });

  test('nesting deeper than the limit is shown as its source text', () => {
    const host = renderMarkdownDom(`${'> '.repeat(60)}deep **x**`);
    expect(host.querySelectorAll('blockquote').length).toBeLessThanOrEqual(25);
    expect(host.textContent).toContain('deep **x**');
    expect(findLiveElements(host)).toEqual([]);
  });
});

describe('cache', () => {
  test('the same text gives the same nodes, served from the cache', () => {
    const cache = createRenderCache<ComponentChildren>();
    const renderer = createMarkdownRenderer(h, cache);
    const first = renderer.renderMarkdown('**hello**');
    expect(cache.size).toBe(1);
    expect(renderer.renderMarkdown('**hello**')).toBe(first);
    expect(cache.get('**hello**')).toBe(first);
  });

  test('one cached tree renders in two places at once', () => {
    const renderer = createMarkdownRenderer(h, createRenderCache());
    const doc = document.implementation.createHTMLDocument('');
    const a = doc.createElement('div');
    const b = doc.createElement('div');
    doc.body.append(a, b);
    const nodes = renderer.renderMarkdown('**same** [x](https://example.com)');
    render(h('div', null, nodes), a);
    render(h('div', null, renderer.renderMarkdown('**same** [x](https://example.com)')), b);
    expect(a.innerHTML).toBe(b.innerHTML);
    expect(b.querySelector('strong')?.textContent).toBe('same');
    expect(findLiveMarkup(a.innerHTML)).toEqual([]);
  });
});
