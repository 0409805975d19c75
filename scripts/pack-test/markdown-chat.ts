/** The pack test's proof that a built consumer chats: a markdown question, its rendered answer, the events. */
import type { Locator, Page } from 'playwright-core';

/**
 * Sends "markdown" from `composer` and waits for the answer rendered as markup (the lazily loaded renderer
 * chunk, which the consumer's bundler split out); then the page's `message` events must include the
 * question (the consumer records them in `body[data-messages]`) and `problems` must be empty.
 */
export async function chatWithMarkdown(page: Page, composer: Locator, problems: string[]): Promise<void> {
  await composer.fill('markdown');
  await composer.press('Enter');
  await page.locator('[data-sender="bot"] strong').first().waitFor({ timeout: 15_000 });
  const seen = await page.evaluate(() => document.body.dataset.messages ?? '');
  if (!seen.includes('user:markdown')) throw new Error(`message events seen: ${seen}`);
  if (problems.length) throw new Error(problems.join('\n'));
}
