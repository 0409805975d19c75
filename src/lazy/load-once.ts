/**
 * The one policy for code fetched on demand (the application chunk, renderers, parts of the panel, file
 * code): one request in flight at a time, its result kept, and a failure (offline) forgotten so the next
 * want fetches again. Any layer may use it; it imports nothing.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load();
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
