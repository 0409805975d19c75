/**
 * Playwright fixtures: each worker gets its own hub emulator and static site on free loopback ports, and
 * each test a helper that opens a host page embedding the built widget.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { createHub, type Hub } from '../../server/hub';
import { type Site, startSite } from './site';

export interface HostOptions {
  /** data-* attributes, without the `data-` prefix. */
  cfg?: Record<string, string>;
  csp?: 'strict' | 'trusted-types';
  css?: 'hostile';
  queue?: boolean;
  origin?: 'main' | 'alt';
  /** The host page's `<html lang>` (default `en`) and `dir`. */
  lang?: string;
  dir?: 'rtl';
}

interface WorkerFixtures {
  hub: Hub;
  site: Site;
}

interface TestFixtures {
  /** Opens a host page with the script-tag embed and returns the widget's shadow-root locators. */
  openHost(page: Page, opts?: HostOptions): Promise<Widget>;
}

export interface Widget {
  launcher: Locator;
  panel: Locator;
  log: Locator;
  composer: Locator;
  send(text: string): Promise<void>;
  /** Opens the panel and waits for the bot's greeting. */
  openChat(): Promise<void>;
}

export function widgetLocators(page: Page): Widget {
  const launcher = page.getByRole('button', { name: 'Open chat' });
  const panel = page.getByRole('dialog');
  const log = panel.getByRole('log');
  const composer = panel.getByRole('textbox', { name: 'Message' });
  return {
    launcher,
    panel,
    log,
    composer,
    async send(text: string) {
      await composer.fill(text);
      await composer.press('Enter');
    },
    async openChat() {
      await launcher.click();
      await expect(log.locator('[data-sender="bot"]').first()).toBeVisible();
    },
  };
}

/** The conversation id the widget stored for this page (after it started one). */
export async function storedConversationId(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.endsWith(':conversation')) return JSON.parse(localStorage.getItem(key)!) as string;
    }
    return '';
  });
}

export function hostUrl(site: Site, opts: HostOptions = {}): string {
  const params = new URLSearchParams();
  if (opts.cfg) params.set('cfg', JSON.stringify(opts.cfg));
  if (opts.csp) params.set('csp', opts.csp);
  if (opts.css) params.set('css', opts.css);
  if (opts.queue) params.set('queue', '1');
  if (opts.lang) params.set('lang', opts.lang);
  if (opts.dir) params.set('dir', opts.dir);
  return `${opts.origin === 'alt' ? site.altOrigin : site.origin}/page?${params}`;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  hub: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use: (hub: Hub) => Promise<void>) => {
      const hub = await createHub({ port: 0, replyDelayMs: 30 });
      await use(hub);
      await hub.close();
    },
    { scope: 'worker' },
  ],
  site: [
    async ({ hub }, use) => {
      const site = await startSite({ ws: hub.url, http: hub.httpUrl });
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  openHost: async ({ site }, use) => {
    await use(async (page, opts = {}) => {
      await page.goto(hostUrl(site, opts));
      return widgetLocators(page);
    });
  },
});

export { expect };
