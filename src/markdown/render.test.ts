// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { escapeHtml, plainTextHtml } from './escape';
import { findLiveMarkup } from './inert-check.test-helper';
import { createRenderer, MARKDOWN_MAX_CHARS, renderHtml, renderMarkdown } from './render';
import { createRenderCache } from './render-cache';

function parse(html: string): HTMLElement {
  const host = document.implementation.createHTMLDocument('').createElement('div');
  host.innerHTML = html;
  return host;
}

describe('renderMarkdown: what chat text needs', () => {
  test('bold, italic, inline code, strikethrough', () => {
    expect(renderMarkdown('**b** _i_ `c` ~~s~~')).toBe(
      '<p><strong>b</strong> <em>i</em> <code>c</code> <del>s</del></p>',
    );
  });

  test('lists keep their numbering', () => {
    const host = parse(renderMarkdown('- a\n- b\n\n3. x\n4. y'));
    expect([...host.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['a', 'b']);
    expect(host.querySelector('ol')?.getAttribute('start')).toBe('3');
  });

  test('a single newline is a line break', () => {
    expect(renderMarkdown('line one\nline two')).toBe('<p>line one<br>line two</p>');
  });

  test('code blocks are escaped and lose their class', () => {
    expect(renderMarkdown('```js\nif (a < b) x();\n```')).toBe(
      '<pre><code>if (a &lt; b) x();\n</code></pre>',
    );
  });

  test('tables keep alignment', () => {
    const host = parse(renderMarkdown('| a | b |\n|:-:|--:|\n| 1 | 2 |'));
    expect(host.querySelector('td')?.getAttribute('align')).toBe('center');
  });

  test('task lists become text checkboxes', () => {
    expect(parse(renderMarkdown('- [x] done\n- [ ] todo')).textContent).toContain('☑ done');
  });

  test('http(s) links open in a new tab without opener or referrer', () => {
    const a = parse(renderMarkdown('[docs](https://example.com/docs)')).querySelector('a');
    expect(a?.outerHTML).toBe(
      '<a href="https://example.com/docs" target="_blank" rel="noopener noreferrer">docs</a>',
    );
  });

  test('bare URLs and emails are linked (GFM autolinks)', () => {
    const links = [
      ...parse(renderMarkdown('see https://example.com or help@example.com')).querySelectorAll('a'),
    ];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/',
      'mailto:help@example.com',
    ]);
  });

  test('mailto and tel links keep href and get no target', () => {
    const [mail, tel] = parse(
      renderMarkdown('[mail](mailto:help@example.com) [call](tel:+15550100)'),
    ).querySelectorAll('a');
    expect(mail?.outerHTML).toBe('<a href="mailto:help@example.com">mail</a>');
    expect(tel?.outerHTML).toBe('<a href="tel:+15550100">call</a>');
  });

  test('refused and relative links render as their label', () => {
    expect(renderMarkdown('[evil](javascript:alert(1)) [rel](/path)')).toBe('<p>evil rel</p>');
  });

  test('https images are kept, lazy and without referrer', () => {
    const img = parse(renderMarkdown('![chart](https://example.com/c.png)')).querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://example.com/c.png');
    expect(img?.getAttribute('alt')).toBe('chart');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  test('refused images show their alt text', () => {
    expect(renderMarkdown('![pixel](http://tracker.example/p.gif)')).toBe('<p>pixel</p>');
  });

  test('empty and non-string input render as nothing', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(undefined as unknown as string)).toBe('');
  });
});

describe('length cap', () => {
  test('above MARKDOWN_MAX_CHARS the text is escaped plain text, not parsed', () => {
    const text = `**not bold** <img src=x onerror=alert(1)>\nnext line ${'x'.repeat(MARKDOWN_MAX_CHARS)}`;
    const out = renderMarkdown(text);
    expect(out).toBe(plainTextHtml(text));
    expect(out.startsWith('<p>**not bold** &lt;img src=x onerror=alert(1)&gt;<br>next line')).toBe(true);
    expect(findLiveMarkup(out)).toEqual([]);
  });

  test('html parts above the cap are shown as escaped text too', () => {
    const html = `<b>x</b>${'y'.repeat(MARKDOWN_MAX_CHARS)}`;
    expect(renderHtml(html)).toBe(plainTextHtml(html));
  });

  test('at the cap the text is still parsed', () => {
    const text = `**b**${'x'.repeat(MARKDOWN_MAX_CHARS - 5)}`;
    expect(renderMarkdown(text).startsWith('<p><strong>b</strong>')).toBe(true);
  });
});

describe('renderHtml', () => {
  test('keeps harmless formatting and polices links', () => {
    expect(renderHtml('<p>Hi <b>there</b>, <a href="https://example.com" target="_self">site</a></p>')).toBe(
      '<p>Hi <b>there</b>, <a href="https://example.com/" target="_blank" rel="noopener noreferrer">site</a></p>',
    );
  });

  test('replaces a refused image with its alt text', () => {
    expect(renderHtml('<p><img src="data:image/png;base64,AAAA" alt="logo"></p>')).toBe('<p>logo</p>');
  });
});

describe('cache', () => {
  test('the same input gives the same string, served from the cache', () => {
    const cache = createRenderCache();
    const renderer = createRenderer(cache);
    const first = renderer.renderMarkdown('**hello**');
    expect(cache.size).toBe(1);
    expect(renderer.renderMarkdown('**hello**')).toBe(first);
    expect(cache.size).toBe(1);
    expect(cache.get('md\u0000**hello**')).toBe(first);
  });

  test('markdown and html of the same text are cached apart', () => {
    const renderer = createRenderer();
    expect(renderer.renderMarkdown('<b>x</b>')).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
    expect(renderer.renderHtml('<b>x</b>')).toBe('<b>x</b>');
  });

  test('the shared renderer is stable across calls', () => {
    expect(renderMarkdown('_same_')).toBe(renderMarkdown('_same_'));
  });
});

describe('escapeHtml', () => {
  test('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
