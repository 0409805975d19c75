/**
 * examples/plain-html as a site owner deploys it: the page beside the tarball's dist/ (the loader and its
 * chunks), its placeholder API key swapped for the emulator's address, then driven in Chromium: the
 * site's button opens the chat through the JS API, the page's event listeners follow it.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { chatOnce, openWatchedPage } from './example-page';
import type { PackedHub } from './hub';
import { serveStatic } from './serve';

const PLACEHOLDER = 'data-api-key="YOUR_CHANNEL_API_KEY"';

function deploy(root: string, app: string, dir: string, hub: PackedHub): void {
  const page = readFileSync(path.join(root, 'examples/plain-html/index.html'), 'utf8');
  if (!page.includes(PLACEHOLDER)) throw new Error(`examples/plain-html/index.html lacks ${PLACEHOLDER}`);
  mkdirSync(dir);
  cpSync(path.join(app, 'node_modules/captivate-chat-widget/dist'), dir, {
    recursive: true,
    filter: (source) => !/[\\/](lib|hub)$/.test(source),
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    page.replace(PLACEHOLDER, `data-api-key="pack-test" data-url="${hub.url}"`),
  );
}

export async function drivePlainHtmlExample(
  browser: Browser,
  hub: PackedHub,
  paths: { root: string; app: string; dir: string },
): Promise<void> {
  deploy(paths.root, paths.app, paths.dir, hub);
  const site = await serveStatic(paths.dir);
  const { page, assertNoProblems } = await openWatchedPage(browser);
  try {
    await page.goto(`${site.origin}/`);
    const contact = page.locator('#contact');
    await contact.click();
    await page.getByRole('dialog', { name: 'Acme support' }).waitFor();
    await page.locator('#contact[aria-expanded="true"]').waitFor(); // the page's captivate:open listener
    await chatOnce(page, 'where is my parcel');

    await page.getByRole('button', { name: 'Close chat' }).click();
    await page.locator('#contact[aria-expanded="false"]').waitFor();
    // A reply while the panel is closed reaches the page's captivate:unread listener.
    await hub.control('push', {
      frame: {
        event_type: 'bot_message',
        event_payload: { type: 'message_create', content: [{ type: 'text', text: 'Anything else?' }] },
      },
    });
    await page.locator('#contact', { hasText: 'Contact support (1 new)' }).waitFor();
    assertNoProblems();
  } finally {
    await page.close();
    await site.close();
  }
}
