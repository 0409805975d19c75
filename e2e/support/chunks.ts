/** A widget chunk that cannot be fetched, as when the visitor is offline. */
import type { Page, Route } from '@playwright/test';

/**
 * Fails the requests for a chunk: every one until `restore()`, or with `once` only the first, so that the
 * next want fetches it. `failures()` counts the requests failed so far.
 */
export async function failChunk(page: Page, pattern: RegExp, { once = false } = {}) {
  let failures = 0;
  const handler = (route: Route) => {
    if (once && failures > 0) return route.fallback();
    failures += 1;
    return route.abort('internetdisconnected');
  };
  await page.route(pattern, handler);
  return {
    failures: () => failures,
    restore: () => page.unroute(pattern, handler),
  };
}
