import { mayReceiveApiKey as keyMayGoTo } from './key-scope';

/**
 * The hub URL with the channel key. The vendor's client writes `?apiKey=`, the manual `?apikey=`: a URL pasted
 * from either source already carries a key and is used as it is (docs/protocol.md §1).
 */
export function buildSocketUrl(base: string, apiKey: string): string {
  const url = new URL(base);
  if (!url.searchParams.has('apiKey') && !url.searchParams.has('apikey')) {
    url.searchParams.set('apiKey', apiKey);
  }
  return url.href;
}

/**
 * The store's call shape for the 413 link; the rule itself is key-scope.ts's. New code fetches the link with
 * `fetchMessageLink` (message-link.ts), which also refuses links that must not be fetched at all.
 */
export function mayReceiveApiKey(target: string, hubUrl: string, uploadUrl?: string): boolean {
  return keyMayGoTo(target, { hubUrl, uploadUrl });
}
