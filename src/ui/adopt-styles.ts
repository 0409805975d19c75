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
