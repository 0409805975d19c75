// @vitest-environment jsdom
import { h, render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';

/** Stands in for TrustedHTML: an object, as in browsers, that only stringifies back to its content. */
class FakeTrustedHtml {
  constructor(private readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

function fakeFactory(createPolicy: (name: string, rules: { createHTML: (s: string) => string }) => unknown) {
  return { createPolicy: vi.fn(createPolicy) };
}

async function freshModule() {
  vi.resetModules(); // the policy is created once per module instance
  const md = await import('./index');
  const { renderHtml } = md.createHtmlRenderer(md.createRenderCache());
  const markdown = md.createMarkdownRenderer(h, md.createRenderCache());
  /** The text the markdown renderer shows for `text`. */
  const markdownText = (text: string) => {
    const div = document.createElement('div');
    render(h('div', null, markdown.renderMarkdown(text)), div);
    return div.textContent;
  };
  return { ...md, renderHtml, markdownText };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Trusted Types', () => {
  test('without Trusted Types, toTrustedHtml returns the string', async () => {
    const md = await freshModule();
    const html = md.renderHtml('<b>x</b>');
    expect(md.toTrustedHtml(html)).toBe('<b>x</b>');
  });

  test('creates one policy under the documented name and uses it for DOMPurify and for output', async () => {
    const created: Array<(s: string) => string> = [];
    const factory = fakeFactory((name, rules) => {
      created.push(rules.createHTML);
      return {
        name,
        createHTML: vi.fn((s: string) => new FakeTrustedHtml(rules.createHTML(s))),
        createScriptURL: vi.fn(),
        createScript: vi.fn(),
      };
    });
    vi.stubGlobal('trustedTypes', factory);
    const md = await freshModule();
    const html = md.renderHtml('<b onclick="x()">hi</b>');
    expect(html).toBe('<b>hi</b>');
    expect(typeof html).toBe('string'); // the cache holds strings; wrapping happens at insertion
    md.renderHtml('<i>again</i>');
    expect(factory.createPolicy).toHaveBeenCalledTimes(1);
    expect(factory.createPolicy).toHaveBeenCalledWith(md.TRUSTED_TYPES_POLICY_NAME, expect.anything());
    expect(md.TRUSTED_TYPES_POLICY_NAME).toBe('captivate-chat');
    const trusted = md.toTrustedHtml(html);
    expect(trusted).toBeInstanceOf(FakeTrustedHtml);
    expect(String(trusted)).toBe('<b>hi</b>');
    // Markdown decodes a character reference through the same policy, and only the reference itself.
    expect(md.markdownText('caf&eacute; <b>x</b>')).toBe('café <b>x</b>');
    expect(created).toHaveLength(1);
  });

  test('a refused policy (host CSP) leaves rendering working with plain strings', async () => {
    vi.stubGlobal(
      'trustedTypes',
      fakeFactory(() => {
        throw new TypeError('Policy "captivate-chat" disallowed');
      }),
    );
    const md = await freshModule();
    const html = md.renderHtml('<a href="https://example.com">a</a>');
    expect(html).toBe('<a href="https://example.com/" target="_blank" rel="noopener noreferrer">a</a>');
    expect(md.toTrustedHtml(html)).toBe(html);
    expect(md.markdownText('**caf&eacute;**')).toBe('café');
  });
});
