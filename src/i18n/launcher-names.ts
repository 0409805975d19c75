/**
 * The launcher's accessible name in every language. The loader draws the launcher before any string table
 * is fetched, so these few words travel in the loader itself (0.2 KB brotli). Each table repeats its own
 * (`launcherOpen`) so that neither the application nor a locale chunk carries all thirteen; locales.test.ts
 * checks that they agree.
 */
import type { LocaleTag } from './locales';

export const LAUNCHER_NAMES: Readonly<Record<LocaleTag, string>> = {
  en: 'Open chat',
  es: 'Abrir chat',
  fr: 'Ouvrir le chat',
  de: 'Chat öffnen',
  'pt-BR': 'Abrir chat',
  it: 'Apri la chat',
  nl: 'Chat openen',
  pl: 'Otwórz czat',
  tr: 'Sohbeti aç',
  ar: 'فتح الدردشة',
  he: 'פתיחת הצ׳אט',
  ja: 'チャットを開く',
  'zh-CN': '打开聊天',
};
