/**
 * The reactive attributes of a `<captivate-chat>` element, applied to its running widget: `open` (opens or
 * closes the panel), `title` (the panel's header and the bot's name), `theme` (the host's `data-theme`,
 * which the styles key on, as `setTheme`) and `locale` (as `setLocale`). Each new value goes through the
 * parser of its key and is reported like a configuration error when refused; a removed attribute brings the
 * default back.
 */
import { signal } from '@preact/signals';
import { canonicalLocale } from '../i18n/locales';
import { type ChatOptions, LAUNCHER_DEFAULTS, THEMES } from '../store/options';
import { bool, createReader, oneOf, type ReportError, text } from './config-fields';
import type { WidgetLocale } from './widget-locale';

export function createElementAttributes(
  host: HTMLElement,
  options: ChatOptions,
  locale: WidgetLocale,
  report: ReportError,
  setOpen: (open: boolean) => void,
) {
  const title = signal(options.title);
  return {
    /** The title now: options.title follows it too, for the store's bot name. */
    title,
    /** `[name, value]` from the loader; answers true, or the Promise of the language switch. */
    set([name, value]: readonly unknown[]): true | Promise<void> {
      const { get, opt } = createReader(() => value as string | null, report);
      if (name === 'locale') return locale.set(opt('locale', canonicalLocale));
      if (name === 'open') setOpen(get('open', bool, false));
      else if (name === 'title') title.value = options.title = opt('title', text);
      else host.setAttribute('data-theme', get('theme', oneOf(...THEMES), LAUNCHER_DEFAULTS.theme));
      return true;
    },
  };
}
