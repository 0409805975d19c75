/**
 * The mounted widget's language: negotiated from the configured locale (or `setLocale`'s), the browser's
 * languages and the page's `lang`, its table fetched (a chunk per language), then applied to the host
 * element (`lang`, `dir`), the launcher's name and the panel (through the `i18n` signal). Until a table is
 * here, and for anything said before, English; of two overlapping switches the later one wins.
 */
import { type Signal, signal } from '@preact/signals';
import { createI18n, en, type I18n, loadI18n } from '../i18n';
import type { LauncherHandle } from './launcher-state';
import { localePreferences, pageDirection } from './locale-preferences';

export interface WidgetLocale {
  /** The loaded translator; undefined until the first table is here (the panel waits for it). */
  i18n: Signal<I18n | undefined>;
  /** Translates with the loaded table, else English: for the store, which speaks before the panel renders. */
  t: I18n['t'];
  set(locale: string | undefined): Promise<void>;
}

export function createWidgetLocale(
  host: HTMLElement,
  overrides: Record<string, string>,
  launcher?: LauncherHandle,
): WidgetLocale {
  const doc = host.ownerDocument;
  const win = doc.defaultView ?? window;
  const fallback = createI18n(en, { overrides });
  const i18n = signal<I18n | undefined>(undefined);
  let requests = 0;
  return {
    i18n,
    t: (key, params) => (i18n.peek() ?? fallback).t(key, params),
    set(locale) {
      const request = ++requests;
      return loadI18n({
        preferences: localePreferences(locale, win),
        pageDir: pageDirection(doc),
        overrides,
      }).then((next) => {
        if (request !== requests) return;
        host.lang = next.tag;
        host.dir = next.dir;
        launcher?.setName(next.t('launcherOpen'));
        i18n.value = next;
      });
    },
  };
}
