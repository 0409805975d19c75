import { defineConfig } from 'vitest/config';
import { shared } from './vite.config.ts';

export default defineConfig({
  define: shared.define,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
