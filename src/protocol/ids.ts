/** Client-made message ids (`client_msg_id`): UUID v4, as the vendor's client sends them. */

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuidV4(s: unknown): s is string {
  return typeof s === 'string' && UUID_V4.test(s);
}

export function newClientMsgId(): string {
  const c: Partial<Crypto> | undefined = globalThis.crypto;
  // `randomUUID` exists only in secure contexts; widgets also run on plain-http intranet pages.
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes);
  else {
    // Last resort for runtimes without Web Crypto: these ids only need to be unique, not secret.
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return uuidV4FromBytes(bytes);
}

/** Formats 16 random bytes as a UUID v4 (RFC 9562 §5.4), setting the version and variant bits. */
export function uuidV4FromBytes(random: Uint8Array): string {
  const b = Array.from({ length: 16 }, (_, i) => random[i] ?? 0);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
