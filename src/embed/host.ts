/**
 * The widget's host element: a `<captivate-chat>` element (a custom-element name, so host selectors such as
 * `div` never match it) with an open shadow root holding the launcher. Theme, position, brand colour,
 * language and direction are attributes and custom properties on the host, set through the CSSOM, which a
 * strict CSP allows. `position: right` means the inline end: the left edge when the widget is right to left.
 */
import { LAUNCHER_NAMES } from '../i18n/launcher-names';
import { negotiateLocale, textDirection } from '../i18n/locales';
import { adoptStyles } from '../ui/adopt-styles';
import type { LauncherOptions } from './config';
import { keepAttached } from './keep-attached';
import { drawLauncher, type LauncherButton } from './launcher';
import launcherCss from './launcher.css?inline';
import { localePreferences, pageDirection } from './locale-preferences';

export interface WidgetHost {
  host: HTMLElement;
  root: ShadowRoot;
  launcher: LauncherButton;
  /** Takes the widget off the page for good: it is not put back after a body swap. */
  remove(): void;
}

/**
 * `element`: an authored `<captivate-chat>` that is its own host. The page owns its place: it is neither
 * appended nor kept attached, and removing the widget only empties it (a framework still holds it).
 */
export function createWidgetHost(
  options: LauncherOptions,
  nonce?: string,
  element?: HTMLElement,
): WidgetHost {
  const doc = document;
  const host = element ?? doc.createElement('captivate-chat');
  const { tag } = negotiateLocale(localePreferences(options.locale, window));
  host.lang = tag;
  host.dir = textDirection(tag, options.locale, pageDirection(doc));
  host.setAttribute('data-position', options.position);
  host.setAttribute('data-theme', options.theme);
  if (options.primaryColor) host.style.setProperty('--cc-primary', options.primaryColor);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, launcherCss, nonce);
  const launcher = drawLauncher(root, options.strings.launcherOpen || LAUNCHER_NAMES[tag]);
  // `none`: the site opens the chat from its own button; the launcher still exists for the app to drive.
  launcher.button.hidden = options.launcher === 'none';
  const stopKeeping = element ? undefined : keepAttached(doc.body.appendChild(host), doc);
  return {
    host,
    root,
    launcher,
    remove() {
      if (!stopKeeping) return root.replaceChildren();
      stopKeeping();
      host.remove();
    },
  };
}
