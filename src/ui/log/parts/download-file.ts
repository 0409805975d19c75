/**
 * Saves text as a file the way a page can without a server: a Blob, an object URL and a click on an
 * `<a download>`. A host CSP does not govern downloads, so this works under a strict policy; an iframe embed
 * needs `allow-downloads` in its `sandbox` (see the README).
 */
export function downloadTextFile(near: Element, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = near.ownerDocument.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  // Inside the shadow root, so the host page's DOM is never touched.
  near.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL after `click()` returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
