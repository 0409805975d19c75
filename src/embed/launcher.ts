/**
 * The launcher bubble, in plain DOM: it is drawn by the loader before any framework code is fetched.
 * The chat application later drives it through the returned handle (open state, unread badge).
 */
/**
 * The launcher keeps one name ("Open chat", in the visitor's language) whatever its state: `aria-expanded`
 * says whether it is open. The loader names it; the application renames it when the language changes and
 * words the unread count (plural rules live with the string tables, not in the loader).
 */
export interface LauncherHandle {
  button: HTMLButtonElement;
  setOpen(open: boolean): void;
  setName(name: string): void;
  /** `label` words the count ("3 unread messages"); it is read after the name while closed. */
  setUnread(count: number, label: string): void;
  /** Shows `text` above the launcher as an alert (the chat could not load), or removes it (no text). */
  setNotice(text?: string): void;
  focus(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';
const CLOSE_ICON =
  'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z';

export function drawLauncher(root: ShadowRoot, initialName: string): LauncherHandle {
  const doc = root.ownerDocument;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  svg.appendChild(path);
  const badge = doc.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  button.append(svg, badge);
  root.appendChild(button);

  let notice: HTMLElement | undefined;
  let open = false;
  let name = initialName;
  let unread = 0;
  let unreadLabel = '';
  function label(): void {
    button.setAttribute('aria-label', unread && !open ? `${name}, ${unreadLabel}` : name);
    path.setAttribute('d', open ? CLOSE_ICON : CHAT_ICON);
  }
  label();

  return {
    button,
    setOpen(next) {
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
    setNotice(text) {
      notice?.remove();
      if (!text) return;
      notice = root.appendChild(doc.createElement('span'));
      notice.className = 'notice';
      notice.setAttribute('role', 'alert');
      notice.textContent = text;
    },
    focus: () => button.focus(),
  };
}
