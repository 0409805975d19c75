/**
 * What the application build wraps each of its dynamic imports in, in place of Vite's own preload helper
 * (scripts/own-preload-helper.ts puts it there). Vite's helper works on the document it runs in, which for an
 * embedded widget is the host page's: it appends `<link rel=modulepreload>` elements to the page's head,
 * takes a nonce from the page's `meta[property=csp-nonce]`, and reports a failed chunk by dispatching
 * `vite:preloadError` on the page's window, where a host built with Vite may be listening for its own chunks
 * (Vite's documentation suggests reloading the page). This one touches nothing of the page: it imports the
 * chunk and the chunks it needs all at once, as the loader imports the application (loader-entry.ts), and a
 * failure is its caller's to handle (load-once.ts).
 *
 * The name and the signature are Vite's: `load` is the `import()` it wraps, `deps` the files to fetch with it
 * (relative to `importerUrl`, the importing chunk's own URL), empty when the chunk needs none.
 */
export function __vitePreload<T>(
  load: () => Promise<T>,
  deps?: readonly string[],
  importerUrl?: string,
): Promise<T> {
  if (!deps?.length) return load();
  const fetched = deps.map((dep) => import(/* @vite-ignore */ new URL(dep, importerUrl).href));
  return Promise.all([load(), ...fetched]).then(([module]) => module);
}
