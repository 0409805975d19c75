/**
 * The pack test's steps for examples/: both run from the installed tarball against one packed
 * `captivate-hub`, in one Chromium.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions } from '../chromium';
import { startHub } from './hub';
import { drivePlainHtmlExample } from './plain-html-example';
import { buildReactExample, driveReactExample, installReactExample } from './react-example';

export interface PackContext {
  root: string;
  work: string;
  /** The consumer project that installed the tarball (it runs the hub bin). */
  app: string;
  tarball: string;
  step(name: string, body: () => void | Promise<void>): Promise<void>;
  run(command: string, args: string[], cwd: string, env?: Record<string, string>): string;
}

export async function exampleSteps(ctx: PackContext): Promise<void> {
  const react = path.join(ctx.work, 'react-example');
  await ctx.step('examples/react installs with the tarball and type-checks', () => {
    installReactExample(ctx.root, react, ctx.tarball, ctx.run);
    ctx.run(path.join(ctx.root, 'node_modules/.bin/tsc'), ['-p', '.'], react);
  });
  const hub = await startHub(ctx.app);
  try {
    const browser = await chromium.launch(launchOptions());
    try {
      await ctx.step('Vite builds examples/react (development: StrictMode mounts twice)', () =>
        buildReactExample(react, hub, path.join(ctx.root, 'node_modules/.bin/vite'), ctx.run),
      );
      await ctx.step(
        'examples/react: one widget after StrictMode, opened by the site button, chats, gone on unmount',
        () => driveReactExample(browser, hub, react),
      );
      await ctx.step(
        'examples/plain-html: the script tag, opened by the site button, chats, events reach the page',
        () =>
          drivePlainHtmlExample(browser, hub, {
            root: ctx.root,
            app: ctx.app,
            dir: path.join(ctx.work, 'plain-html'),
          }),
      );
    } finally {
      await browser.close();
    }
  } finally {
    hub.stop();
  }
}
