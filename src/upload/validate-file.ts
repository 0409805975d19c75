/**
 * Checks a picked or dropped file against the `accept` and `max-file-size` options before any byte is
 * uploaded, so a refused file gets a clear message and nothing is sent.
 * `accept` uses the syntax of `<input accept>`: MIME types, `type/*` wildcards and `.ext` extensions.
 */

export interface FileLike {
  name: string;
  size: number;
  type: string;
}

export interface FileRules {
  /** HTML accept syntax, e.g. `image/*,application/pdf,.docx`. Empty: any type not refused below. */
  accept: string;
  maxBytes: number;
}

export type FileCheck = { ok: true } | { ok: false; reason: 'too_large' | 'type' };

/**
 * Refused whatever `accept` says. SVG and HTML are active documents: served back from the file store
 * or opened from a chat link, they run script in whatever origin serves them (stored XSS, e.g.
 * CVE-2021-3741 via an SVG upload). `image/*` would otherwise let SVG through. Executables and scripts
 * have no place in a support chat and are a classic malware-delivery path to the agent's machine.
 */
const DENIED_EXTENSIONS = new Set([
  'svg',
  'svgz',
  'html',
  'htm',
  'xhtml',
  'xht',
  'shtml',
  'mht',
  'mhtml',
  'js',
  'mjs',
  'cjs',
  'exe',
  'msi',
  'bat',
  'cmd',
  'com',
  'scr',
]);
const DENIED_TYPES = new Set([
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'message/rfc822',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/vnd.microsoft.portable-executable',
]);

/** `evil.EXE. ` → `exe`: Windows ignores trailing dots and spaces, so we do too. */
function extensionOf(name: string): string {
  const trimmed = name.toLowerCase().replace(/[.\s]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  return dot < 0 ? '' : trimmed.slice(dot + 1);
}

/** `Text/Plain; charset=utf-8` → `text/plain`. */
function essence(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

function matchesAccept(name: string, type: string, accept: string): boolean {
  const tokens = accept
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
  if (tokens.length === 0) return true;
  const lowerName = name.toLowerCase().replace(/[.\s]+$/, '');
  return tokens.some((token) => {
    if (token.startsWith('.')) return lowerName.endsWith(token);
    if (!type) return false; // Browsers report '' for types they do not know: only extensions can match.
    if (token === '*/*') return true;
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

export function validateFile(file: FileLike, rules: FileRules): FileCheck {
  const type = essence(file.type);
  if (DENIED_EXTENSIONS.has(extensionOf(file.name)) || DENIED_TYPES.has(type)) {
    return { ok: false, reason: 'type' };
  }
  if (!matchesAccept(file.name, type, rules.accept)) return { ok: false, reason: 'type' };
  if (!Number.isFinite(file.size) || file.size < 0 || file.size > rules.maxBytes) {
    return { ok: false, reason: 'too_large' };
  }
  return { ok: true };
}
