/**
 * Where the channel key may go, and which endpoints may be spoken to in plaintext: one policy, used by the
 * configuration parser, the HTTP side and whatever fetches a 413 `message_link` (docs/architecture.md §2).
 *
 * Plaintext (`http:`/`ws:`) is accepted only on loopback, where the local hub emulator runs: anywhere else
 * the key, and every message, would cross the network readable by anyone on the path.
 */

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`, as `URL` normalises them (`127.1` → `127.0.0.1`). */
export function isLoopbackHost(hostname: string): boolean {
  return /^(?:(?:[^.]+\.)*localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(hostname);
}

/** `https:`/`wss:` anywhere, `http:`/`ws:` only on a loopback host. */
export function isSecureEndpoint(url: URL): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  return (url.protocol === 'http:' || url.protocol === 'ws:') && isLoopbackHost(url.hostname);
}

/** The endpoints a widget is configured with: the only places, besides the vendor's, that see the key. */
export interface KeyScope {
  /** The socket URL; its origin (as `https:`/`http:`) is the hub's own. */
  hubUrl: string;
  /** The hub's HTTP side, when there is one. */
  httpUrl?: string | undefined;
  uploadUrl?: string | undefined;
}

const VENDOR_DOMAINS = ['captivat.io', 'captivatechat.ai'];

/**
 * Whether `x-api-key` may go with a request to `target`: an absolute URL without userinfo, and either
 * - the hub's own origin (its socket URL already carries the key), or
 * - the HTTP side or the upload endpoint, matched by origin (scheme, host and port) and kept under the
 *   configured path's folder, so another tenant of a shared host never sees it, or
 * - the vendor's domains over `https:` on the default port.
 */
export function mayReceiveApiKey(target: string, scope: KeyScope): boolean {
  const url = absolute(target);
  if (!url || !isSecureEndpoint(url)) return false;
  if (isVendorHost(url)) return true;
  const hub = absolute(scope.hubUrl);
  if (hub && url.origin === hub.origin.replace(/^ws/, 'http')) return true;
  return isUnder(url, scope.httpUrl, 'base') || isUnder(url, scope.uploadUrl, 'endpoint');
}

/**
 * Where a 413 `message_link` may be fetched from at all: `https:`, or loopback `http:` when the hub itself
 * is on loopback (the local emulator). Never a relative or protocol-relative link, which would resolve
 * against the host page and go out with its cookies.
 */
export function messageLinkTarget(link: string, scope: KeyScope): URL | undefined {
  const url = absolute(link);
  if (!url) return undefined;
  if (url.protocol === 'https:') return url;
  const hub = absolute(scope.hubUrl);
  const hubOnLoopback = hub !== undefined && isLoopbackHost(hub.hostname);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname) && hubOnLoopback ? url : undefined;
}

/** An absolute http(s)/ws(s) URL without userinfo (`https://captivat.io@evil.example` has some). */
function absolute(s: string): URL | undefined {
  try {
    const url = new URL(s);
    if (url.username || url.password || !/^(?:http|ws)s?:$/.test(url.protocol)) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

function isVendorHost(url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return VENDOR_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Same origin as `configured`, and a path inside its folder: the HTTP side's base names a folder
 * (`https://api.example.com/hub` → `/hub/…`), an upload endpoint sits in one (`/tenant-a/upload` → `/tenant-a/…`).
 */
function isUnder(url: URL, configured: string | undefined, kind: 'base' | 'endpoint'): boolean {
  const c = configured === undefined ? undefined : absolute(configured);
  if (!c || c.origin !== url.origin) return false;
  const folder = kind === 'base' ? `${c.pathname.replace(/\/+$/, '')}/` : c.pathname.replace(/[^/]*$/, '');
  return url.pathname.startsWith(folder) || url.pathname === c.pathname;
}
