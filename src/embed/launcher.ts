/**
 * The launcher bubble, in plain DOM: it is drawn by the loader before any framework code is fetched.
 * The chat application later drives it through the returned handle (open state, unread badge).
 */
/** The launcher keeps one name ("Open chat") whatever its state: `aria-expanded` says whether it is open. */
export interface LauncherStrings {
  open: string;
  unread: string;
}

export interface LauncherHandle {
  button: HTMLButtonElement;
  setOpen(open: boolean): void;
  setUnread(count: number): void;
  focus(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';
const CLOSE_ICON =
  'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z';

export function drawLauncher(root: ShadowRoot, strings: LauncherStrings): LauncherHandle {
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

  let open = false;
  let unread = 0;
  function label(): void {
    const count = strings.unread.replace('{count}', String(unread));
    button.setAttribute('aria-label', unread && !open ? `${strings.open}, ${count}` : strings.open);
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
    setUnread(count) {
      unread = count;
      badge.hidden = count === 0;
      badge.textContent = count > 99 ? '99+' : String(count);
      label();
    },
    focus: () => button.focus(),
  };
}
