/** What the pack test's example drives share: a page that collects errors, and one exchange with the demo bot. */
import type { Browser, Page } from '@playwright/test';

export interface WatchedPage {
  page: Page;
  /** Throws when the page logged an error or threw. */
  assertNoProblems(): void;
}

export async function openWatchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  // The examples, like most sites' pages, leave the icon to a favicon.ico the static server does not have.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return {
    page,
    assertNoProblems: () => {
      if (problems.length) throw new Error(problems.join('\n'));
    },
  };
}

/** Sends `text` from the open panel and waits for the emulator's bot to echo it. */
export async function chatOnce(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await page.locator('[data-sender="bot"]', { hasText: `You said: “${text}”` }).waitFor({ timeout: 15_000 });
}

/** The `<captivate-chat>` hosts on the page, after a frame in which a detached one would have been put back. */
export async function countWidgets(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(document.querySelectorAll('captivate-chat').length)),
      ),
  );
}
