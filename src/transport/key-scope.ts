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
