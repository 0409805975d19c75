/**
 * URL policy for everything the hub sends that can become a link or an image (docs/architecture.md §2, "Links and
 * URLs from the hub"). Markdown, html parts, cards, buttons, files and avatars all go through here, so the
 * allowlist lives in one place (BotFramework-WebChat PR #3226: cards once lacked the markdown allowlist).
 *
 * We parse with the WHATWG URL parser instead of matching strings: it applies the same clean-up a browser
 * applies to an href (strips leading/trailing C0 controls and spaces, removes tabs and newlines anywhere),
 * so `java\tscript:`, ` \u0001javascript:` and `JaVaScRiPt:` all come out as the `javascript:` scheme and
 * are refused. Strings that are not absolute URLs (`&#106;avascript:`, `%6Aavascript:`, `javascript&colon;`,
 * `/path`, `//host`) fail to parse without a base and are refused too: HTML entities are only decoded by
 * an HTML parser, and the sanitiser checks again after that decoding (see sanitize.ts).
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** Hosts that can only be the visitor's own machine: where the local hub emulator serves files over http. */
const LOOPBACK_HOST = /^(?:localhost|[a-z0-9-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

function parseAbsolute(url: unknown): URL | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  // No base: relative and protocol-relative URLs throw instead of resolving against the host page.
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function parseAllowed(url: unknown): URL | undefined {
  const parsed = parseAbsolute(url);
  if (!parsed || !LINK_PROTOCOLS.has(parsed.protocol)) return undefined;
  // `https://bank.example@evil.example` is a phishing trick; no chat link needs credentials.
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  // A bare `mailto:` / `tel:` opens an empty composer or dialer: nothing worth a link.
  if (!WEB_PROTOCOLS.has(parsed.protocol) && parsed.pathname === '') return undefined;
  return parsed;
}

/**
 * The normalised URL when it is an absolute http, https, mailto or tel URL; otherwise undefined
 * (relative, protocol-relative, javascript:, data:, vbscript:, blob:, file:, empty, not a string).
 */
export function safeUrl(url: unknown): string | undefined {
  return parseAllowed(url)?.href;
}

/**
 * True when `url` is an allowed http(s) URL, i.e. a link that must open in a new tab with
 * `rel="noopener noreferrer"`. All http(s) links count as external, same-origin ones included: following
 * them in place would navigate the host page away from the conversation.
 */
export function isExternalHttp(url: unknown): boolean {
  const parsed = parseAllowed(url);
  return parsed !== undefined && WEB_PROTOCOLS.has(parsed.protocol);
}

/**
 * The normalised URL when it may be used as an image source; otherwise undefined.
 *
 * Policy: https anywhere; plain http only for loopback hosts (localhost, 127.x.x.x, [::1]).
 * - data: never: an SVG data URI is script-capable when opened, and data URIs dodge the host's img-src CSP.
 * - http on the open internet is refused: a plaintext image request can be read and altered on the way,
 *   is a classic tracking pixel, is blocked or auto-upgraded as mixed
 *   content on https host pages anyway, and docs/architecture.md §2 asks hosts to allow only `img-src https:`.
 * - http on loopback is allowed because the local hub emulator (server/) serves files and avatars over
 *   http://127.0.0.1; such a request never leaves the visitor's machine.
 */
export function safeImageUrl(url: unknown): string | undefined {
  const parsed = parseAllowed(url);
  if (!parsed) return undefined;
  if (parsed.protocol === 'https:') return parsed.href;
  if (parsed.protocol === 'http:' && LOOPBACK_HOST.test(parsed.hostname)) return parsed.href;
  return undefined;
}
