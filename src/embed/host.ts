/**
 * The widget's host element: a `<captivate-chat>` element (a custom-element name, so host selectors such as
 * `div` never match it) with an open shadow root holding the launcher. Theme, position and brand colour are
 * attributes and custom properties on the host, set through the CSSOM, which a strict CSP allows.
 */
import { launcherStrings } from '../i18n/launcher-strings';
import type { LauncherOptions } from './config';
import { drawLauncher, type LauncherHandle } from './launcher';
import launcherCss from './launcher.css?inline';
import { adoptStyles } from './styles';

export interface WidgetHost {
  host: HTMLElement;
  root: ShadowRoot;
  launcher: LauncherHandle;
}

export function createWidgetHost(doc: Document, options: LauncherOptions, nonce?: string): WidgetHost {
  const host = doc.createElement('captivate-chat');
  host.setAttribute('data-position', options.position);
  host.setAttribute('data-theme', options.theme);
  if (options.primaryColor) host.style.setProperty('--cc-primary', options.primaryColor);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, launcherCss, nonce);
  const strings = { ...launcherStrings, ...options.strings };
  const launcher = drawLauncher(root, { open: strings.launcherOpen, unread: strings.unreadCount });
  doc.body.appendChild(host);
  return { host, root, launcher };
}
