export type { StringKey, Strings } from './en';
export { en } from './en';
export { formatBytes, formatTime } from './format';
export type { I18n, TextDirection } from './i18n';
export { createI18n, interpolate } from './i18n';
