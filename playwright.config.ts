/**
 * e2e tests run against the *built* widget (`npm run build` first) and the hub emulator, both started per
 * worker by e2e/support/fixtures.ts on free loopback ports. Chromium is Debian's /usr/bin/chromium when
 * present (Playwright cannot download browsers here), else Playwright's own.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import type { SendModeUnderTest } from './e2e/support/fixtures';

const systemChromium = '/usr/bin/chromium';

/**
 * One project per send mode, each against a hub configured to match (e2e/support/fixtures.ts). `socket` runs
 * every spec; `http` and `auto` run the specs tagged `@every-mode` (the chat flows, restore after reload,
 * history, hand-off, uploads, tabs and the chaos test), which is what differs between the modes. Specs
 * tagged `@solo` measure the main thread (long tasks under a flood or a huge frame): they run last, one at a
 * time, in a project of their own, so no other test shares the two cores with them.
 */
const mode = (sendMode: SendModeUnderTest) => ({
  name: sendMode,
  use: { sendMode },
  grepInvert: /@solo/,
  ...(sendMode === 'socket' ? {} : { grep: /@every-mode/ }),
});
const solo = {
  name: 'solo',
  // No trace: recording one snapshots the page's DOM for every action and every poll, in the page's own main
  // thread. Under a flood that is the test's work, not the widget's, and it showed up as long tasks.
  use: { sendMode: 'socket' as const, trace: 'off' as const },
  grep: /@solo/,
  dependencies: ['socket', 'http', 'auto'],
  workers: 1,
};

export default defineConfig<{ sendMode: SendModeUnderTest }>({
  projects: [mode('socket'), mode('http'), mode('auto'), solo],
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
