/**
 * Build of `dist/hub/captivate-hub.js`, the hub emulator as one Node script (the package's `captivate-hub`
 * bin): server/main.ts with `ws` bundled in, so it runs with plain `node`, without tsx or dev dependencies.
 */
import { defineConfig } from 'vite';
import { thirdPartyNotices } from './scripts/third-party-notices.ts';

export default defineConfig({
  plugins: [thirdPartyNotices()],
  ssr: { noExternal: true, target: 'node' },
  build: {
    outDir: 'dist/hub',
    emptyOutDir: true,
    target: 'node20',
    ssr: 'server/main.ts',
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'captivate-hub.js', banner: '#!/usr/bin/env node' },
    },
  },
});
