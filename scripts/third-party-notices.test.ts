import { describe, expect, test } from 'vitest';
import { packageDir, renderNotices } from './third-party-notices';

describe('packageDir', () => {
  test('finds the package of a bundled module, scoped, nested or with a query', () => {
    expect(packageDir('/r/node_modules/marked/lib/marked.esm.js')).toBe('/r/node_modules/marked');
    expect(packageDir('/r/node_modules/@preact/signals/dist/signals.mjs?v=1')).toBe(
      '/r/node_modules/@preact/signals',
    );
    expect(packageDir('/r/node_modules/a/node_modules/@s/b/index.js')).toBe(
      '/r/node_modules/a/node_modules/@s/b',
    );
    expect(packageDir('\0/r/node_modules/preact/dist/preact.mjs')).toBe('/r/node_modules/preact');
  });

  test("the project's own modules are not third-party", () => {
    expect(packageDir('/r/src/index.ts')).toBeUndefined();
    expect(packageDir('\0vite/preload-helper.js')).toBeUndefined();
  });
});

test('renderNotices names each package with its version and licence before its texts', () => {
  const text = renderNotices([{ name: 'marked', version: '18.2.1', license: 'MIT', texts: ['MIT text'] }]);
  expect(text).toContain('marked 18.2.1, licence: MIT\n');
  expect(text.indexOf('marked 18.2.1')).toBeLessThan(text.indexOf('MIT text'));
});
