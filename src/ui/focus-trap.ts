/**
 * Keeps Tab and Shift+Tab inside a container (the full-screen panel, which is modal there): from the last
 * tabbable element Tab goes to the first, from the first Shift+Tab to the last. Returns the keydown handler
 * for the container; it does nothing while disabled.
 */
const TABBABLE = 'button, [href], input, textarea, select, [tabindex]';

export function tabbables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[hidden], [inert]') &&
      el.getClientRects().length > 0,
  );
}

export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab' || event.defaultPrevented) return;
  const all = tabbables(container);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const outside = !active || !container.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}
