// @vitest-environment jsdom
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
  return import('./index');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Trusted Types', () => {
  test('without Trusted Types, toTrustedHtml returns the string', async () => {
    const md = await freshModule();
    const html = md.renderMarkdown('**x**');
    expect(md.toTrustedHtml(html)).toBe('<p><strong>x</strong></p>');
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
  });

  test('a refused policy (host CSP) leaves rendering working with plain strings', async () => {
    vi.stubGlobal(
      'trustedTypes',
      fakeFactory(() => {
        throw new TypeError('Policy "captivate-chat" disallowed');
      }),
    );
    const md = await freshModule();
    const html = md.renderMarkdown('[a](https://example.com)');
    expect(html).toBe(
      '<p><a href="https://example.com/" target="_blank" rel="noopener noreferrer">a</a></p>',
    );
    expect(md.toTrustedHtml(html)).toBe(html);
  });
});
