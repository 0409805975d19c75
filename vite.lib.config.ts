/** Build of the npm entry (`dist/lib/index.js`, ES module); dependencies stay external for the host bundler. */
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
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: {
      external: [/^preact/, /^@preact\/signals/, 'partysocket', /^partysocket\//, 'marked', 'dompurify'],
    },
  },
});
