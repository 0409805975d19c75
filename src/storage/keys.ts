/**
 * Key layout and JSON handling shared by every backend. Keys look like `captivate-chat:v1:<namespace>:<key>`:
 * the prefix keeps us clear of the host page's own keys (we share its origin in a script-tag embed), the
 * version lets a future schema ignore, then purge, what an older widget wrote, and the namespace lets two
 * widgets on one page (two API keys) keep separate conversations.
 */

export const STORAGE_VERSION = 1;

/** Every key this widget ever writes starts with this, whatever the version. */
export const STORAGE_PREFIX = 'captivate-chat:';

const VERSION_PREFIX = `${STORAGE_PREFIX}v${STORAGE_VERSION}:`;

/** The full key for `key` in `namespace`. The namespace is URI-encoded so a `:` in it cannot alias keys. */
export function makeKey(namespace: string, key: string): string {
  return `${namespacePrefix(namespace)}${key}`;
}

/** The prefix every key of one namespace (current version) starts with. */
export function namespacePrefix(namespace: string): string {
  return `${VERSION_PREFIX}${encodeURIComponent(namespace)}:`;
}

/** True for `key` of any namespace (current version): what a widget of any API key stored under that name. */
export function isKeyNamed(fullKey: string, key: string): boolean {
  return fullKey.startsWith(VERSION_PREFIX) && fullKey.endsWith(`:${key}`);
}

/** True for a key this widget wrote with another (older or newer) storage version. */
export function isOtherVersionKey(fullKey: string): boolean {
  return fullKey.startsWith(STORAGE_PREFIX) && !fullKey.startsWith(VERSION_PREFIX);
}

/**
 * FNV-1a, 32 bit, as 8 hex digits. Lets callers namespace by API key without writing the key itself
 * to storage, where any script on the host origin could read it. Not a security hash: it only needs to
 * spread keys apart.
 */
export function hashKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const POISON_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse that drops `__proto__`, `constructor` and `prototype` keys at every depth. Storage is
 * writable by any script on the origin (and by other tabs), so a stored value is untrusted input; if a
 * caller ever spreads or merges it, these keys must already be gone.
 * Throws on malformed JSON, like JSON.parse: the caller decides what a corrupt value means.
 */
export function parseJsonSafe(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (POISON_KEYS.has(key) ? undefined : value));
}
