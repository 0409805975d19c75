/**
 * Styles go into the shadow root as constructable stylesheets: they are not subject to the host's
 * `style-src` (no `<style>` element, no inline style). Where the API is missing (Safari < 16.4), a
 * `<style>` element carrying the loader script's nonce is the fallback, which a nonce-based CSP allows.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): void {
  // Browsers shipped adoptedStyleSheets together with constructable (replaceSync) sheets.
  if (root.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.appendChild(style);
}

const adopted = new WeakMap<Node, Set<string>>();

/**
 * Adds the stylesheet of a part that arrives in its own chunk (history, menu, cards) to the shadow root
 * `element` renders in, once per root. Called from a layout effect, so it is in before the first paint; it goes
 * in after the panel's own stylesheet (ui/styles.css), whose tokens and keyframes it uses. Where the panel's
 * styles went in as a <style> (no constructable stylesheets), that element's nonce is the page's.
 */
export function adoptPartStyles(element: Element | null, css: string): void {
  const root = element?.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  const sheets = adopted.get(root) ?? new Set<string>();
  if (sheets.has(css)) return;
  adopted.set(root, sheets.add(css));
  adoptStyles(root, css, root.querySelector('style')?.nonce || undefined);
}
