/** File parts and file references, in every shape a hub, an agent console or a user sends them. */
import { asList, collect, isRecord, LIMITS, own, text } from './guards';
import type { FileRef, MessagePart } from './model';

type FilesPart = Extract<MessagePart, { kind: 'files' }>;

/** A `file`/`files` part; also a part that is itself a single file (`{type:'file', url, …}`). */
export function decodeFilesPart(part: unknown): FilesPart | undefined {
  const list = own(part, 'files');
  const files = decodeFileList(list === undefined ? part : list);
  if (files.length === 0) return undefined;
  const title = text(own(part, 'title'));
  return title === undefined ? { kind: 'files', files } : { kind: 'files', title, files };
}

/** An array of files, a single file object, or either wrapped as `{type:'files', files:…}`. */
export function decodeFileList(v: unknown): FileRef[] {
  let list = v;
  for (let i = 0; i < LIMITS.nesting && isRecord(list) && own(list, 'files') !== undefined; i++) {
    list = own(list, 'files');
  }
  return collect(asList(list), LIMITS.files, decodeFileRef);
}

function decodeFileRef(v: unknown): FileRef | undefined {
  if (!isRecord(v)) return undefined;
  const storage = own(v, 'storage');
  const url = text(own(v, 'url')) ?? text(own(storage, 'presignedUrl'));
  if (url === undefined) return undefined;
  // Files the user sent carry the MIME type in `type`; hub files use `mimetype` and a loose `type`
  // ("document", "image", or the part's own "file"), which only hints at the kind.
  const typeField = text(own(v, 'type'));
  const mimeType =
    text(own(v, 'mimetype')) ??
    text(own(v, 'mimeType')) ??
    (typeField?.includes('/') ? typeField : undefined);
  const hint = mimeType ?? typeField;
  const file: FileRef = { url, kind: hint !== undefined && isImageType(hint) ? 'image' : 'file' };
  const name = text(own(v, 'filename')) ?? text(own(v, 'name'));
  const size = fileSize(own(v, 'size')) ?? fileSize(own(storage, 'fileSize'));
  const thumbnail = text(own(v, 'thumbnail'));
  const fileKey = text(own(storage, 'fileKey')) ?? text(own(v, 'fileKey'));
  const expiresAt = linkExpiry(own(storage, 'expiresIn') ?? own(v, 'expiresIn'));
  if (fileKey !== undefined) file.fileKey = fileKey;
  if (expiresAt !== undefined) file.expiresAt = expiresAt;
  if (name !== undefined) file.name = name;
  if (mimeType !== undefined) file.mimeType = mimeType;
  if (size !== undefined) file.size = size;
  if (thumbnail !== undefined) file.thumbnail = thumbnail;
  return file;
}

/** `image/png` or just `image`, as some agent consoles send. */
function isImageType(mime: string): boolean {
  return /^image(?:\/|$)/i.test(mime.trim());
}

/**
 * When a file-service link dies (epoch ms). `expiresIn` is either a lifetime in seconds (2 h by default)
 * or an absolute epoch (docs/protocol.md §6). A lifetime gives a date only with the moment the link was
 * issued (`issuedAt`, known to whoever just uploaded the file); in a transcript it gives none.
 */
export function linkExpiry(v: unknown, issuedAt?: number): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  if (n >= 1e12) return n; // milliseconds
  if (n >= 1e9) return n * 1000; // seconds since the epoch
  return issuedAt === undefined ? undefined : issuedAt + n * 1000;
}

function fileSize(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}
