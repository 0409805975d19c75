/**
 * The string tables beyond English, one lazily loaded chunk each: a visitor fetches only their own
 * language's (≤ 2 KB brotli each, checked by scripts/size.ts). English is bundled with the application.
 */
import { en, type Strings } from './en';
import { createI18n, type I18n, type I18nOptions } from './i18n';
import { type LocaleTag, negotiateLocale, textDirection } from './locales';

type TableModule = Promise<{ strings: Strings }>;

const CHUNKS: Readonly<Record<Exclude<LocaleTag, 'en'>, () => TableModule>> = {
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
  'pt-BR': () => import('./locales/pt-br'),
  it: () => import('./locales/it'),
  nl: () => import('./locales/nl'),
  pl: () => import('./locales/pl'),
  tr: () => import('./locales/tr'),
  ar: () => import('./locales/ar'),
  he: () => import('./locales/he'),
  ja: () => import('./locales/ja'),
  'zh-CN': () => import('./locales/zh-cn'),
};

/** The table for `tag`; English when its chunk cannot be fetched (offline, a CDN error), after a warning. */
export async function loadStrings(tag: LocaleTag): Promise<Strings> {
  if (tag === 'en') return en;
  try {
    return (await CHUNKS[tag]()).strings;
  } catch (error) {
    console.warn(`[captivate-chat] the ${tag} strings failed to load; showing English`, error);
    return en;
  }
}

export interface LocaleRequest {
  /** In order: the configured locale (or `setLocale`'s), the browser's languages, the page's `lang`. */
  preferences: readonly (string | null | undefined)[];
  /** The host page's `dir` (`rtl` mirrors the widget whatever the language). */
  pageDir?: string | undefined;
  overrides?: I18nOptions['overrides'];
}

/** Negotiates the language, fetches its table and returns the translator. */
export async function loadI18n({ preferences, pageDir, overrides }: LocaleRequest): Promise<I18n> {
  const negotiated = negotiateLocale(preferences);
  const table = await loadStrings(negotiated.tag);
  const tag = table === en ? 'en' : negotiated.tag;
  const dir = textDirection(tag, preferences[0] ?? undefined, pageDir);
  return createI18n(table, { tag, locale: negotiated.locale, dir, overrides });
}
