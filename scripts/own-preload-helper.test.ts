import { describe, expect, test } from 'vitest';
import { OWN_PRELOAD_HELPER, ownPreloadHelper, VITE_PRELOAD_HELPER } from './own-preload-helper';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const plugin = ownPreloadHelper();
const hook = (name: 'resolveId' | 'generateBundle') => plugin[name] as unknown as Hook;

describe('ownPreloadHelper', () => {
  test("gives Vite's helper import the widget's own module, and leaves every other id alone", () => {
    expect(hook('resolveId').call({}, VITE_PRELOAD_HELPER)).toBe(OWN_PRELOAD_HELPER);
    expect(OWN_PRELOAD_HELPER).toMatch(/src[\\/]lazy[\\/]import-chunk\.ts$/);
    expect(hook('resolveId').call({}, './mount')).toBeUndefined();
  });

  test('fails the build when a chunk other than an entry imports a stylesheet file', () => {
    const errors: string[] = [];
    const context = {
      error(message: string) {
        errors.push(message);
        throw new Error(message);
      },
    };
    const chunk = (fileName: string, isEntry: boolean, css: string[]) => ({
      type: 'chunk',
      fileName,
      isEntry,
      viteMetadata: { importedCss: new Set(css) },
    });
    const clean = {
      'embed.js': chunk('embed.js', true, ['embed.css']),
      'mount.js': chunk('mount.js', false, []),
    };
    expect(() => hook('generateBundle').call(context, {}, clean)).not.toThrow();
    const linked = { ...clean, 'cards.js': chunk('cards.js', false, ['cards.css']) };
    expect(() => hook('generateBundle').call(context, {}, linked)).toThrow(/cards\.js imports cards\.css/);
    expect(errors).toHaveLength(1);
  });
});
