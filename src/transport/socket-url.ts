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
