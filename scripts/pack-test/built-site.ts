/**
 * A consumer's built site as the pack test drives it: the packed `captivate-hub` started in the consumer
 * project, the site served, and one Chromium page on `?hub=<socket URL>` that records the errors it logs.
 * Everything started here is stopped here, also when a step in between fails.
 */
import { chromium, type Page } from 'playwright-core';
import { launchOptions } from '../chromium';
import { startHub } from './hub';
import { serveStatic } from './serve';

export async function driveBuiltSite(
  app: string,
  dist: string,
  drive: (page: Page, problems: string[]) => Promise<void>,
): Promise<void> {
  const hub = await startHub(app);
  try {
    const site = await serveStatic(dist);
    try {
      const browser = await chromium.launch(launchOptions());
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
        await page.goto(`${site.origin}/?hub=${encodeURIComponent(hub.url)}`);
        await drive(page, problems);
      } finally {
        await browser.close();
      }
    } finally {
      await site.close();
    }
  } finally {
    hub.stop();
  }
}
