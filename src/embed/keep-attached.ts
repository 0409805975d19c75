/**
 * Keeps the widget's host element on the page when a framework swaps the page's body instead of loading a
 * new page (Turbo, Astro view transitions) or clears the body: the host is put back into the current body,
 * with its shadow root, and so the launcher, the panel and the conversation, as they were.
 */
export function keepAttached(host: HTMLElement, doc: Document): () => void {
  const observer = new MutationObserver(() => {
    const body = doc.body;
    if (!body) return; // Between a body's removal and its successor's arrival: the next mutation comes.
    if (!host.isConnected) body.append(host);
    // A new body is watched too: observing the same body again only renews its options.
    observer.observe(body, { childList: true });
  });
  // The root's children change when the body is replaced; the body's when the host itself is removed.
  observer.observe(doc.documentElement, { childList: true });
  observer.observe(doc.body, { childList: true });
  return () => observer.disconnect();
}
