/**
 * Checks a picked or dropped file against the `accept` and `max-file-size` options before any byte is
 * uploaded, so a refused file gets a clear message and nothing is sent.
 * `accept` uses the syntax of `<input accept>`: MIME types, `type/*` wildcards and `.ext` extensions.
 */
import { cleanFileName } from '../protocol/file-name';

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
 * Refused whatever `accept` says (the README's Security section lists them; a test keeps the two equal).
 * - Active documents: served back from the file store or opened from a chat link, SVG, HTML, XML with a
 *   stylesheet (XSL) and MHTML run script in whatever origin serves them (stored XSS, e.g. CVE-2021-3741
 *   via an SVG upload). `image/*` would otherwise let SVG through.
 * - Anything Windows, macOS or Linux runs, installs or follows when it is opened: executables, installers
 *   and packages, scripts (Windows Script Host, PowerShell, shells, Java), shortcuts, registry files,
 *   control-panel items, and the disk images used to carry them past mark-of-the-web. They have no place in
 *   a support chat and are a classic malware-delivery path to the agent's machine.
 */
export const ALWAYS_REFUSED_EXTENSIONS: readonly string[] = [
  // active documents
  'svg svgz html htm xhtml xht shtml mht mhtml xml xsl xslt hta',
  // scripts
  'js mjs cjs jse vbs vbe vb wsf wsh wsc ws ps1 psm1 psd1 ps1xml psc1 bat cmd',
  'sh bash zsh csh ksh command jar jnlp',
  // executables, libraries, installers and the disk images that carry them
  'exe com scr pif dll cpl msc gadget application msi msp mst msix msixbundle appx appxbundle appref-ms',
  'apk deb rpm pkg dmg iso img vhd vhdx',
  // shortcuts and settings files that point elsewhere or change the system
  'lnk scf url reg inf settingcontent-ms library-ms search-ms desktop chm',
].flatMap((group) => group.split(' '));
const DENIED_EXTENSIONS = new Set(ALWAYS_REFUSED_EXTENSIONS);
/** The same kinds by the MIME type the browser reports (`''` for a type it does not know). */
const DENIED_TYPES = new Set([
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'message/rfc822',
  'multipart/related',
  'application/x-mimearchive',
  'text/xml',
  'application/xml',
  'application/xslt+xml',
  'text/xsl',
  'application/hta',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/vbscript',
  'application/x-sh',
  'application/x-shellscript',
  'text/x-shellscript',
  'application/x-csh',
  'application/x-bat',
  'application/x-powershell',
  'application/java-archive',
  'application/x-java-archive',
  'application/x-java-jnlp-file',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/x-msi',
  'application/x-ms-shortcut',
  'application/vnd.microsoft.portable-executable',
  'application/vnd.ms-appx',
  'application/msix',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/x-iso9660-image',
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

/** Checks the name as it really is (cleanFileName): `invoice\u202Efdp.exe` is an `.exe`. */
export function validateFile(file: FileLike, rules: FileRules): FileCheck {
  const type = essence(file.type);
  const name = cleanFileName(file.name);
  if (DENIED_EXTENSIONS.has(extensionOf(name)) || DENIED_TYPES.has(type)) {
    return { ok: false, reason: 'type' };
  }
  if (!matchesAccept(name, type, rules.accept)) return { ok: false, reason: 'type' };
  if (!Number.isFinite(file.size) || file.size < 0 || file.size > rules.maxBytes) {
    return { ok: false, reason: 'too_large' };
  }
  return { ok: true };
}
