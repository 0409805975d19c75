export { type LocaleRequest, loadI18n, loadStrings } from './catalog';
export type { PluralForms, StringKey, Strings } from './en';
export { en } from './en';
export { formatBytes, formatTime } from './format';
export type { I18n, I18nOptions, Params } from './i18n';
export { createI18n, interpolate } from './i18n';
export type { LocaleTag, NegotiatedLocale, TextDirection } from './locales';
export { canonicalLocale, LOCALES, negotiateLocale, textDirection } from './locales';
