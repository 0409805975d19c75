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

/** The hub's host, to which (with the vendor's domains) the API key may be sent over HTTP (docs/architecture.md §2). */
export function mayReceiveApiKey(target: string, hubUrl: string, uploadUrl?: string): boolean {
  let host: string;
  try {
    host = new URL(target).hostname;
  } catch {
    return false;
  }
  const hosts = [hubUrl, uploadUrl].flatMap((u) => {
    try {
      return u ? [new URL(u).hostname] : [];
    } catch {
      return [];
    }
  });
  return (
    hosts.includes(host) ||
    host === 'captivat.io' ||
    host.endsWith('.captivat.io') ||
    host === 'captivatechat.ai' ||
    host.endsWith('.captivatechat.ai')
  );
}
