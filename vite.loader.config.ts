/**
 * Build of `dist/captivate-chat.js`, the classic-script loader. It runs after the app build and compiles in
 * the hashed file names of the app entry and of the chunks it imports (from the app build's manifest).
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { loaderIntegrity } from './scripts/loader-integrity.ts';
import { thirdPartyNotices } from './scripts/third-party-notices.ts';
import { minifier, shared } from './vite.config.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

function appFiles(): { entry: string; preloads: string[] } {
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = manifest['src/embed/app-entry.ts'];
  if (!entry)
    throw new Error('dist/.vite/manifest.json has no src/embed/app-entry.ts: run the app build first');
  const preloads = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || preloads.has(chunk.file)) return;
    preloads.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const next of entry.imports ?? []) visit(next);
  return { entry: `./${entry.file}`, preloads: [...preloads].map((f) => `./${f}`) };
}

const { entry, preloads } = appFiles();

export default defineConfig({
  ...shared,
  plugins: [thirdPartyNotices(), loaderIntegrity('captivate-chat.js')],
  define: {
    ...shared.define,
    __APP_FILES__: JSON.stringify([entry, ...preloads]),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    ...minifier,
    // Browsers with logical properties (`inset-inline-end` places the launcher in right-to-left widgets);
    // an older CSS target would rewrite them into physical rules keyed on :lang(), which is not `dir`.
    cssTarget: ['chrome89', 'edge89', 'firefox66', 'safari14.1'],
    sourcemap: 'hidden',
    // Reading a property runs no code in the loader's modules (no getters, no proxies): so the spread that
    // builds the application's DEFAULTS from LAUNCHER_DEFAULTS, unused here, is dropped.
    rolldownOptions: { treeshake: { propertyReadSideEffects: false } },
    lib: {
      entry: 'src/embed/loader-entry.ts',
      formats: ['iife'],
      name: 'CaptivateChatLoader',
      fileName: () => 'captivate-chat.js',
    },
  },
});
