/**
 * Picks a string table for a locale, applies the host's overrides, and fills placeholders. Adding a
 * language is one file (`xx.ts` exporting a `Strings`) plus one line in `tables`.
 */
import { en, type StringKey, type Strings } from './en';

/** Tables by lowercase language subtag. */
const tables: Readonly<Record<string, Strings>> = { en };

/** Scripts written right to left, by language subtag. */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export type TextDirection = 'ltr' | 'rtl';

export interface I18n {
  /** The canonical BCP 47 tag asked for (`en` when none or an invalid one was given); use it with Intl. */
  readonly locale: string;
  /**
   * The direction of the locale's script. It follows the requested language even while its strings fall
   * back to English: the host and the conversation are in that language, so the layout should be too.
   */
  readonly dir: TextDirection;
  t(key: StringKey, params?: Record<string, string | number>): string;
}

function canonical(locale: string | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en'; // RangeError: not a well-formed tag. Host config is not trusted to be well-formed.
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces `{name}` with `params.name`; placeholders without a value stay visible, so a bug shows. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/**
 * @param locale BCP 47 tag; the embed passes the `locale` option or `navigator.language`.
 * @param overrides host-supplied strings. Only known keys with string values are taken, one by one:
 *   the object comes from page config, so it is never merged (no `__proto__` or nested objects get in).
 */
export function createI18n(locale?: string, overrides?: Partial<Record<string, string>>): I18n {
  const tag = canonical(locale);
  const language = tag.split('-')[0]?.toLowerCase() ?? 'en';
  const table = new Map<string, string>(Object.entries(en));
  // English first, then the language's own table: a key a translation lacks still reads as English.
  if (Object.hasOwn(tables, language)) {
    for (const [key, value] of Object.entries(tables[language] ?? {})) table.set(key, value);
  }

  if (overrides && typeof overrides === 'object') {
    for (const key of Object.keys(overrides)) {
      const value: unknown = overrides[key];
      if (Object.hasOwn(en, key) && typeof value === 'string') table.set(key, value);
    }
  }

  return {
    locale: tag,
    dir: RTL.has(language) ? 'rtl' : 'ltr',
    t: (key, params) => interpolate(table.get(key) ?? String(key), params),
  };
}
