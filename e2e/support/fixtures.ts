/**
 * Playwright fixtures: each worker gets its own hub emulator and static site on free loopback ports, and
 * each test a helper that opens a host page embedding the built widget.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { createHub, type Hub } from '../../server/hub';
import { type HubAddress, type Site, startSite } from './site';

/**
 * Each send mode runs against a hub configured to match (playwright.config.ts has a project per mode):
 * `socket` against a hub that takes only socket sends, `http` against one that takes only HTTP sends, and
 * `auto` against one that takes both.
 */
export type SendModeUnderTest = 'socket' | 'http' | 'auto';
const ACCEPTS = { socket: 'socket', http: 'http', auto: 'both' } as const;

export const hubOptionsFor = (mode: SendModeUnderTest) => ({ acceptSends: ACCEPTS[mode] });

/** The widget's keys for a mode: its send mode, and where the hub's HTTP side is (a local hub has no default). */
export function siteFor(hub: Hub, mode: SendModeUnderTest): HubAddress {
  return { ws: hub.url, http: hub.httpUrl, attrs: { 'send-mode': mode, 'http-url': hub.httpUrl } };
}

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
  sendMode: SendModeUnderTest;
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

/** The visitor's message in this conversation that the hub received with `text` in it (words, a file's name). */
export function userMessageWith(hub: Hub, conversationId: string, text: string) {
  return hub.control
    .frames({ type: 'user_message', conversationId })
    .find((f) => JSON.stringify(f.payload).includes(text));
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
  sendMode: ['socket', { scope: 'worker', option: true }],
  hub: [
    async ({ sendMode }, use: (hub: Hub) => Promise<void>) => {
      const hub = await createHub({ port: 0, replyDelayMs: 30, ...hubOptionsFor(sendMode) });
      await use(hub);
      await hub.close();
    },
    { scope: 'worker' },
  ],
  site: [
    async ({ hub, sendMode }, use) => {
      const site = await startSite(siteFor(hub, sendMode));
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
