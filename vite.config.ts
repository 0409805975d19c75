/**
 * Build of the chat application: the lazily loaded app chunk (`src/embed/app-entry.ts`) and the iframe page
 * (`embed.html`), with a manifest the loader build reads to find the app entry. `npm run build` then runs
 * vite.loader.config.ts (the classic-script loader) and vite.lib.config.ts (the npm entry).
 * In development (`npm start`) this config also serves the demo page and the protocol console.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { frameAncestors } from './scripts/frame-ancestors.ts';
import { markedLexerOnly } from './scripts/marked-lexer-only.ts';
import { ownPreloadHelper } from './scripts/own-preload-helper.ts';
import { thirdPartyNotices } from './scripts/third-party-notices.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const shared = {
  define: { __VERSION__: JSON.stringify(version) },
  oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
};

/**
 * terser, two compress passes, with only the transforms that keep the code's meaning (no `unsafe*`, no
 * `pure_getters`: a signal's `.value` getter subscribes). It leaves the widget's chunks about 2 % smaller
 * (brotli) than the default minifier does.
 */
export const minifier = {
  minify: 'terser' as const,
  terserOptions: { ecma: 2020 as const, module: true, compress: { passes: 2 } },
};

export default defineConfig({
  ...shared,
  base: './',
  plugins: [markedLexerOnly(), ownPreloadHelper(), thirdPartyNotices(), frameAncestors()],
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    outDir: 'dist',
    target: 'es2022',
    ...minifier,
    manifest: true,
    sourcemap: true,
    rolldownOptions: {
      input: { app: 'src/embed/app-entry.ts', embed: 'embed.html' },
      preserveEntrySignatures: 'exports-only',
      output: {
        // One application chunk: what the app entry and the iframe page share, with everything it imports
        // statically. Without this group Rolldown moves modules that three or more lazily loaded chunks share
        // with it (preact, url-policy) into extra chunks that every open then fetches (rolldown/rolldown#10731).
        codeSplitting: {
          groups: [{ name: 'mount', test: /[\\/]src[\\/]embed[\\/](mount\.tsx|config\.ts)$/ }],
        },
      },
    },
  },
});
