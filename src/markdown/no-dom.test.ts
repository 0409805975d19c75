// Runs in the default node environment on purpose: no window, no document.
import { h } from 'preact';
import { expect, test } from 'vitest';

test('importing has no side effects that need a DOM; markdown still builds nodes, html fails closed', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const md = await import('./index');
  const nodes = md.createMarkdownRenderer(h, md.createRenderCache()).renderMarkdown('**x** &eacute;');
  // Without a DOM a named reference is shown as written; the structure is the same as in a browser.
  expect(JSON.stringify(nodes, ['type', 'props', 'children'])).toBe(
    JSON.stringify([
      { type: 'p', props: { children: [{ type: 'strong', props: { children: ['x'] } }, ' &eacute;'] } },
    ]),
  );
  const html = md.createHtmlRenderer(md.createRenderCache());
  expect(html.renderHtml('<b>x</b>')).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  expect(md.safeUrl('https://example.com')).toBe('https://example.com/');
});
