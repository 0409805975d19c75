/**
 * The launcher bubble, in plain DOM: it is drawn by the loader before any framework code is fetched. Only
 * what the loader itself needs lives here (the closed look, and the notice of a failed load); the chat
 * application drives the rest (open state, unread badge, language) through launcher-state.ts.
 */
/**
 * The launcher keeps one name ("Open chat", in the visitor's language) whatever its state: `aria-expanded`
 * says whether it is open. The loader names it; the application renames it when the language changes.
 */
export interface LauncherButton {
  button: HTMLButtonElement;
  /** The icon's path: the chat bubble while closed, a cross while open. */
  icon: SVGPathElement;
  /** Shows `text` above the launcher as an alert (the chat could not load), or removes it (no text). */
  setNotice(text?: string): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';

export function drawLauncher(root: ShadowRoot, name: string): LauncherButton {
  const doc = root.ownerDocument;
  // No `type`: in a shadow root the button has no form to submit.
  const button = doc.createElement('button');
  button.className = 'launcher';
  button.setAttribute('part', 'launcher');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-label', name);
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const icon = svg.appendChild(doc.createElementNS(SVG_NS, 'path'));
  icon.setAttribute('d', CHAT_ICON);
  button.appendChild(svg);
  root.appendChild(button);

  let notice: HTMLElement | undefined;
  return {
    button,
    icon,
    setNotice(text) {
      notice?.remove();
      if (!text) return;
      notice = root.appendChild(doc.createElement('span'));
      notice.className = 'notice';
      notice.setAttribute('role', 'alert');
      notice.textContent = text;
    },
  };
}
