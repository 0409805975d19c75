/**
 * A translator over one string table: applies the host's overrides, picks plural forms with
 * `Intl.PluralRules` and fills placeholders. Which table, and fetching it, is catalog.ts's job.
 */
import { en, type PluralForms, type StringKey, type Strings } from './en';
import { canonicalLocale, type LocaleTag, type TextDirection } from './locales';

export type Params = Record<string, string | number>;

export interface I18n {
  /** The table in use. */
  readonly tag: LocaleTag;
  /** The canonical BCP 47 tag to format with (Intl): the visitor's preference that picked the table. */
  readonly locale: string;
  readonly dir: TextDirection;
  /** The string for `key`; a plural string takes its form from `params.count`. */
  t(key: StringKey, params?: Params): string;
}

export interface I18nOptions {
  tag?: LocaleTag;
  locale?: string;
  dir?: TextDirection;
  /**
   * Host-supplied strings. Only known keys with string values are taken, one by one: the object comes from
   * page config, so it is never merged (no `__proto__` or nested objects get in). A string given for a
   * plural key is used for every count.
   */
  overrides?: Partial<Record<string, string>> | undefined;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces `{name}` with `params.name`; placeholders without a value stay visible, so a bug shows. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

function pluralRules(locale: string): Intl.PluralRules | undefined {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return undefined;
  }
}

export function createI18n(table: Strings = en, options: I18nOptions = {}): I18n {
  const tag = options.tag ?? 'en';
  const locale = canonicalLocale(options.locale) ?? tag;
  const strings = new Map<string, string | PluralForms>(Object.entries(en));
  // English first, then the table: a key a table lacks (a host's partial table) still reads as English.
  for (const [key, value] of Object.entries(table)) if (Object.hasOwn(en, key)) strings.set(key, value);
  const { overrides } = options;
  if (overrides && typeof overrides === 'object') {
    for (const key of Object.keys(overrides)) {
      const value: unknown = overrides[key];
      if (Object.hasOwn(en, key) && typeof value === 'string') strings.set(key, value);
    }
  }
  // The plural rules of the table's language (the forms were written for it), not the formatting locale's.
  const rules = pluralRules(tag);

  return {
    tag,
    locale,
    dir: options.dir ?? 'ltr',
    t(key, params) {
      const value = strings.get(key) ?? String(key);
      if (typeof value === 'string') return interpolate(value, params);
      const count = Number(params?.count);
      const form = Number.isFinite(count) ? rules?.select(count) : undefined;
      return interpolate((form && value[form]) || value.other, params);
    },
  };
}
