// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { htmlRenderer, markdownRenderer, needsRichRendering } from './lazy';
import { renderMarkdownDom } from './markdown-dom.test-helper';

describe('needsRichRendering', () => {
  it.each([
    ['Hi. I’m the Captivate Bot.', false],
    ['You can leave us your contact details or chat to us now!', false],
    ['Prices start at 10 (ten) euros; call us.', false],
    ['**Bold**', true],
    ['an _emphasis_', true],
    ['`code`', true],
    ['# Heading', true],
    ['> quote', true],
    ['[link](https://example.com)', true],
    ['see https://example.com', true],
    ['see www.example.com', true],
    ['mail me: a@example.com', true],
    ['<img src=x onerror=alert(1)>', true],
    ['Tom &amp; Jerry', true],
    ['- item\n- item', true],
    ['1. first\n2. second', true],
    ['Title\n===', true],
    ['    indented code', true],
    ['a | b', true],
    ['~~strike~~', true],
  ])('%j → %s', (text, expected) => {
    expect(needsRichRendering(text)).toBe(expected);
  });

  it('plain text is exactly what the full pipeline would show', () => {
    const plain = ['Hello there.', 'Two\nlines', 'Questions? Ask away!', 'It’s 5 o’clock (UTC).'];
    for (const text of plain) {
      expect(needsRichRendering(text)).toBe(false);
      const div = renderMarkdownDom(text);
      for (const br of div.querySelectorAll('br')) br.replaceWith('\n');
      expect(div.textContent?.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});

describe.each([
  ['markdown', markdownRenderer],
  ['html', htmlRenderer],
] as const)('the %s renderer', (_name, lazy) => {
  it('loads once and then has it at hand', async () => {
    expect(lazy.current()).toBeUndefined();
    const first = lazy.load();
    const second = lazy.load();
    const renderer = await first;
    expect(await second).toBe(renderer);
    expect(lazy.current()).toBe(renderer);
  });
});

describe('the loaded renderers', () => {
  it('markdown becomes nodes, html a sanitised string', async () => {
    const md = await markdownRenderer.load();
    const html = await htmlRenderer.load();
    expect(renderMarkdownDom('**x**', md).innerHTML).toBe('<p><strong>x</strong></p>');
    expect(html.renderHtml('<b onclick="x()">x</b>')).toBe('<b>x</b>');
  });
});
