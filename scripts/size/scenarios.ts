/**
 * The scenarios whose fetched bytes are budgeted, each in a fresh browser context (empty cache and storage)
 * on a host page of e2e/support/site.ts embedding the built widget, against the hub emulator:
 *   beforeClick       the page loads and the launcher is painted; nothing is clicked;
 *   beforeClickElement the same on a page of `<captivate-chat>` elements whose script tag has no key;
 *   openWithMarkdown  a stored conversation holds one markdown bot message; the visitor opens the chat and
 *                     the message is rendered as markup (bold text, a list, a link, a code block).
 * A scenario fails (throws) when the widget does not get there or one of its files failed to load.
 */
import type { Browser, Page } from 'playwright-core';
import type { Site } from '../../e2e/support/site';
import { markdownText } from '../../server/bot-content';
import type { Hub } from '../../server/hub';
import { type Fetched, recordFetches } from './fetch-log';

export interface SizeEnv {
  browser: Browser;
  hub: Hub;
  site: Site;
  /** The widget's localStorage key for the stored conversation id on the host page. */
  storageKey: string;
}

const STEP_TIMEOUT = 10_000;

function pageUrl(site: Site, cfg: Record<string, string>): string {
  return `${site.origin}/page?cfg=${encodeURIComponent(JSON.stringify(cfg))}`;
}

/** The widget's shadow root, queried from the page (Playwright's locators pierce it). */
const log = (page: Page) => page.getByRole('dialog').getByRole('log');

async function inContext(
  env: SizeEnv,
  run: (page: Page, done: () => Promise<Fetched[]>) => Promise<void>,
): Promise<Fetched[]> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const fetches = recordFetches(page, env.site.origin);
    let files: Fetched[] = [];
    const steps = run(page, async () => {
      files = await fetches.quiet();
      return files;
    });
    steps.catch(() => {});
    try {
      // A missing file fails the scenario at once, named, instead of as a step that timed out.
      await Promise.race([steps, fetches.failed]);
    } catch (error) {
      // Responses still arriving are let in before the context closes: closing under them made Playwright
      // fail on events for objects it had already disposed of ("was not bound in the connection").
      await fetches.quiet(300, 3_000).catch(() => {});
      throw new Error((error as Error).message.split('\n')[0]);
    }
    if (fetches.failures.length)
      throw new Error(`widget files failed to load: ${fetches.failures.join('; ')}`);
    return files;
  } finally {
    await context.close();
  }
}

export function beforeClick(env: SizeEnv): Promise<Fetched[]> {
  return inContext(env, async (page, done) => {
    await page.goto(pageUrl(env.site, {}));
    await page.getByRole('button', { name: 'Open chat' }).waitFor({ timeout: STEP_TIMEOUT });
    await done();
  });
}

export function beforeClickElement(env: SizeEnv): Promise<Fetched[]> {
  return inContext(env, async (page, done) => {
    await page.goto(`${env.site.origin}/element`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor({ timeout: STEP_TIMEOUT });
    await done();
  });
}

export function openWithMarkdown(env: SizeEnv, cfg: Record<string, string> = {}): Promise<Fetched[]> {
  const seeded = env.hub.control.seed({
    messages: [{ from: 'bot', content: [markdownText(env.hub.httpUrl)] }],
  });
  if (!seeded) throw new Error('the hub refused to seed a conversation');
  return inContext(env, async (page, done) => {
    await page.goto(`${env.site.origin}/blank`);
    const value = JSON.stringify(seeded.conversationId);
    await page.evaluate(`localStorage.setItem(${JSON.stringify(env.storageKey)}, ${JSON.stringify(value)})`);
    await page.goto(pageUrl(env.site, cfg));
    // The launcher by its popup, not its name: the name is in the visitor's language.
    await page.locator('captivate-chat button[aria-haspopup="dialog"]').click({ timeout: STEP_TIMEOUT });
    const message = log(page).locator('[data-sender="bot"]').last();
    await message.locator('strong').first().waitFor({ timeout: STEP_TIMEOUT });
    await message.locator('ol li, pre code, a[href]').first().waitFor({ timeout: STEP_TIMEOUT });
    await done();
  });
}
