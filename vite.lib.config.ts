/**
 * Build of the npm entries (`dist/lib/index.js`, and `dist/lib/element.js` which defines `<captivate-chat>`),
 * ES modules; dependencies stay external for the host bundler, the application chunk the element imports on
 * intent stays a chunk of its own.
 */
import { defineConfig } from 'vite';
import { thirdPartyNotices } from './scripts/third-party-notices.ts';
import { shared } from './vite.config.ts';

export default defineConfig({
  ...shared,
  plugins: [thirdPartyNotices()],
  build: {
    outDir: 'dist/lib',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: { index: 'src/index.ts', element: 'src/element.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: [/^preact/, /^@preact\/signals/, 'partysocket', /^partysocket\//, 'marked', 'dompurify'],
    },
  },
});
