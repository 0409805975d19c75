/**
 * What the chat application shows on the loader's launcher (launcher.ts): open or closed, the unread
 * badge, and its name in the visitor's language. Kept out of the loader, which never needs them.
 */
import { CHAT_ICON, type LauncherButton } from './launcher';

export interface LauncherHandle {
  setOpen(open: boolean): void;
  setName(name: string): void;
  /** `label` words the count ("3 unread messages"); it is read after the name while closed. */
  setUnread(count: number, label: string): void;
  /** Moves focus back to the launcher after the panel closed. */
  focus(): void;
}

const CLOSE_ICON =
  'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z';

export function driveLauncher({ button, icon }: LauncherButton): LauncherHandle {
  const doc = button.ownerDocument;
  const badge = button.appendChild(doc.createElement('span'));
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');

  let open = false;
  // What had focus on the page when the panel opened: the site's own button when there is no launcher.
  let opener: Element | null = null;
  let name = button.getAttribute('aria-label') ?? '';
  let unread = 0;
  let unreadLabel = '';
  function label(): void {
    button.setAttribute('aria-label', unread && !open ? `${name}, ${unreadLabel}` : name);
    icon.setAttribute('d', open ? CLOSE_ICON : CHAT_ICON);
  }

  return {
    setOpen(next) {
      if (next && !open) opener = doc.activeElement;
      open = next;
      button.setAttribute('aria-expanded', String(next));
      label();
    },
    setName(next) {
      name = next;
      label();
    },
    setUnread(count, text) {
      unread = count;
      unreadLabel = text;
      badge.hidden = count === 0;
      badge.textContent = count > 99 ? '99+' : String(count);
      label();
    },
    // A launcher that is not drawn (`launcher: 'none'`, or the widget hidden) has no box and cannot take
    // focus: it goes back to where the visitor opened the chat from instead of falling to the page's body.
    focus() {
      if (button.getClientRects().length) button.focus();
      else (opener as HTMLElement | null)?.focus?.();
    },
  };
}
