/**
 * examples/react as a site developer runs it, against the installed tarball: copied into the throwaway
 * directory, installed, type-checked, built by Vite in development (where StrictMode mounts every effect
 * twice, as in `npm run dev`), then driven in Chromium.
 */
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { chatOnce, countWidgets, openWatchedPage } from './example-page';
import type { PackedHub } from './hub';
import { serveStatic } from './serve';

type Run = (command: string, args: string[], cwd: string, env?: Record<string, string>) => string;
type Deps = Record<string, string>;

/** Tools the pack test takes from the repository rather than installing again (same ranges, checked). */
const FROM_REPOSITORY = ['vite', 'typescript'];

/**
 * Every dependency of the example but the widget must be a devDependency of the repository at the same
 * range: then `npm ci` in the repository puts it in npm's cache, and the `--prefer-offline` install finds it.
 */
function checkCached(
  example: { dependencies: Deps; devDependencies: Deps },
  root: { devDependencies: Deps },
) {
  const wanted = { ...example.dependencies, ...example.devDependencies };
  const uncached = Object.entries(wanted).filter(
    ([name, range]) => name !== 'captivate-chat-widget' && root.devDependencies[name] !== range,
  );
  if (uncached.length)
    throw new Error(
      `examples/react needs ${uncached.map(([n, r]) => `${n}@${r}`).join(', ')}: add each to the root devDependencies at the same range`,
    );
}

export function installReactExample(root: string, dir: string, tarball: string, run: Run): void {
  cpSync(path.join(root, 'examples/react'), dir, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
  });
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  checkCached(pkg, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')));
  pkg.dependencies['captivate-chat-widget'] = `file:${tarball}`;
  for (const name of FROM_REPOSITORY) delete pkg.devDependencies[name];
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
  // tsc resolves `vite/client` (the example's tsconfig `types`) from the example's own node_modules.
  symlinkSync(path.join(root, 'node_modules/vite'), path.join(dir, 'node_modules/vite'), 'dir');
}

export function buildReactExample(dir: string, hub: PackedHub, vite: string, run: Run): void {
  run(vite, ['build', '--logLevel', 'warn'], dir, {
    NODE_ENV: 'development',
    VITE_CAPTIVATE_API_KEY: 'pack-test',
    VITE_CAPTIVATE_URL: hub.url,
  });
}

interface StartFrame {
  payload: { userId?: string; userBasicInfo?: { firstName?: string }; metadata?: { plan?: string } };
}

export async function driveReactExample(browser: Browser, hub: PackedHub, dir: string): Promise<void> {
  const site = await serveStatic(path.join(dir, 'dist'));
  const { page, assertNoProblems } = await openWatchedPage(browser);
  const infos: string[] = [];
  page.on('console', (m) => m.type() === 'info' && infos.push(m.text()));
  try {
    await page.goto(`${site.origin}/`);
    // Enabled once createChat() ran: by then StrictMode's first, cancelled mount has finished its import.
    await page.locator('button:enabled', { hasText: 'Contact support' }).waitFor();
    const widgets = await countWidgets(page);
    if (widgets !== 1) throw new Error(`${widgets} widgets after StrictMode's double mount`);
    if (await page.getByRole('button', { name: 'Open chat' }).count())
      throw new Error("launcher 'none' drew a launcher");

    await page.getByRole('button', { name: 'Contact support' }).click();
    await page.getByRole('dialog', { name: 'Acme support' }).waitFor();
    await chatOnce(page, 'react example');
    const [start] = (await hub.control('frames?type=conversation_start')) as StartFrame[];
    const { userId, userBasicInfo, metadata } = start?.payload ?? {};
    if (userId !== 'u-4f9c2e71' || userBasicInfo?.firstName !== 'Ada' || metadata?.plan !== 'pro')
      throw new Error(`the account in React state did not reach the hub: ${JSON.stringify(start)}`);

    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    const left = await countWidgets(page);
    if (left !== 0) throw new Error(`${left} widgets left after the chat's component unmounted`);
    if (!infos.some((text) => text.includes('React DevTools')))
      throw new Error('not a development build of React: StrictMode did not mount twice');
    assertNoProblems();
  } finally {
    await page.close();
    await site.close();
  }
}
