/**
 * Vite plugin for the application build: Vite wraps every dynamic `import()` in its preload helper, which
 * adds `<link>` elements to the document's head and dispatches `vite:preloadError` on its window, the host
 * page's for an embedded widget (vitejs/vite#18551: `modulePreload: false` does not remove it). This plugin
 * gives that import the widget's own helper, src/lazy/import-chunk.ts, which does neither.
 *
 * The widget's styles are adopted in its shadow root (`?inline` imports), never linked: a chunk other than
 * an entry (whose stylesheet its HTML page links) that imports a stylesheet file fails the build, since the
 * helper above does not fetch stylesheets.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The module id Vite's import analysis adds for its helper. */
export const VITE_PRELOAD_HELPER = '\0vite/preload-helper.js';
export const OWN_PRELOAD_HELPER = fileURLToPath(new URL('../src/lazy/import-chunk.ts', import.meta.url));

export function ownPreloadHelper(): Plugin {
  return {
    name: 'captivate:own-preload-helper',
    enforce: 'pre',
    apply: 'build',
    resolveId(id) {
      return id === VITE_PRELOAD_HELPER ? OWN_PRELOAD_HELPER : undefined;
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        const css = file.type === 'chunk' && !file.isEntry ? file.viteMetadata?.importedCss : undefined;
        if (css?.size) {
          this.error(
            `${file.fileName} imports ${[...css].join(', ')}: import the widget's styles with ?inline`,
          );
        }
      }
    },
  };
}
