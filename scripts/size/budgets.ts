/**
 * Size budgets, in bytes of brotli (quality 11) per response, summed over the widget's JS and CSS responses
 * that Chromium fetched in each scenario (scripts/size/scenarios.ts). gzip is reported beside them.
 */
import { LOCALES } from '../../src/i18n/locales';

export const BUDGETS = {
  /**
   * A visitor who never opens the chat: the loader and whatever it fetches by itself, on a script-tag page
   * and on a page of `<captivate-chat>` elements.
   */
  beforeClick: 3.5 * 1024,
  /**
   * The first open of a conversation holding one markdown message: everything fetched until it is rendered.
   * 64.12 KB at the last measurement (loader 3.42, application 48.65, markdown 11.96): the menu, cards,
   * attachment chips, file checks, uploader and large-message fetch are chunks fetched when wanted. The goal
   * is 55 KB.
   */
  openWithMarkdown: 64.35 * 1024,
  /** Each locale chunk: what a scenario in LOCALE_SCENARIOS fetches beyond the English one. */
  localeChunk: 2 * 1024,
} as const;

/**
 * One entry per locale chunk to check: the open-with-markdown scenario run with these `data-*` attributes
 * on the script tag (without the `data-` prefix). Every JS/CSS response it fetched that the English run did
 * not is that locale's chunk and must fit `BUDGETS.localeChunk`.
 */
export const LOCALE_SCENARIOS: { locale: string; cfg: Record<string, string> }[] = LOCALES.filter(
  (locale) => locale !== 'en',
).map((locale) => ({ locale, cfg: { locale } }));
