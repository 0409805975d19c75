/**
 * The chat application's import, shared by every widget of the page: one request in flight at a time, its
 * result kept, and a failure forgotten so the next intent tries again.
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
