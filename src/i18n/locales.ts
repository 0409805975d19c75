/**
 * The languages the widget speaks and how a visitor's preferences pick one. The loader imports this (it
 * names the launcher before anything else loads), so it stays small and free of string tables.
 *
 * Region fallback follows CLDR's parent locales: a region we have no table for takes its language's table
 * (`pt-PT` → `pt-BR`, `es-MX` → `es`, `fr-CA` → `fr`, `zh-SG` → `zh-CN`), but Traditional Chinese
 * (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant`) does not fall back to Simplified: the next preference is tried
 * instead, and English is the last resort.
 */

export const LOCALES = [
  'en',
  'es',
  'fr',
  'de',
  'pt-BR',
  'it',
  'nl',
  'pl',
  'tr',
  'ar',
  'he',
  'ja',
  'zh-CN',
] as const;

export type LocaleTag = (typeof LOCALES)[number];

export type TextDirection = 'ltr' | 'rtl';

/**
 * Languages written right to left, supported or not (a host may supply the strings): the common ones. Sites
 * in rarer ones (Pashto, Yiddish, Sorani…) mirror the widget through their page's `dir="rtl"`.
 */
const RTL = /^(ar|he|fa|ur)(-|$)/i;
const TRADITIONAL_CHINESE = /^zh-(hant|tw|hk|mo)(-|$)/i;

export interface NegotiatedLocale {
  /** The table to use. */
  tag: LocaleTag;
  /** The preference it matched (`pt-PT` for the `pt-BR` table): what Intl formats dates and numbers with. */
  locale: string;
}

/** The canonical form of a BCP 47 tag, or undefined for an empty or malformed one (host config is untrusted). */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** The first preference we have a table for, exactly or by language; English when none matches. */
export function negotiateLocale(preferences: readonly (string | null | undefined)[]): NegotiatedLocale {
  for (const preference of preferences) {
    // Canonical casing (`zh-CN`, `pt-BR`) makes an exact match a plain comparison.
    const locale = canonicalLocale(preference);
    const language = locale?.split('-')[0];
    const tag =
      LOCALES.find((t) => t === locale) ??
      (TRADITIONAL_CHINESE.test(locale ?? '')
        ? undefined
        : LOCALES.find((t) => t.split('-')[0] === language));
    if (tag) return { tag, locale: locale! };
  }
  return { tag: 'en', locale: 'en' };
}

/**
 * The widget's direction: right to left for a right-to-left table, for an explicitly asked right-to-left
 * language without a table (its strings come from the host's overrides), and on a right-to-left page.
 */
export function textDirection(tag: LocaleTag, explicit?: string, pageDir?: string): TextDirection {
  return RTL.test(tag) || RTL.test(explicit ?? '') || pageDir?.toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
}
