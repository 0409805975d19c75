// Runs in the default node environment on purpose: no window, no document.
import { expect, test } from 'vitest';

test('importing has no side effects that need a DOM, and rendering fails closed to escaped text', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const md = await import('./index');
  expect(md.renderMarkdown('**x** <img src=x onerror=alert(1)>')).toBe(
    '<p>**x** &lt;img src=x onerror=alert(1)&gt;</p>',
  );
  expect(md.renderHtml('<b>x</b>')).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  expect(md.safeUrl('https://example.com')).toBe('https://example.com/');
});
