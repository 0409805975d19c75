/**
 * `POST /api/file-to-text`, the vendor's file service (docs/protocol.md §6): multipart/form-data with
 * `file`, `includeMetadata`, `storage`, `path`; answers `{success, text, fileKey, presignedUrl,
 * expiresIn, fileSize}` and keeps the file for `GET /files/<key>`. Over the limit → 413, judged on
 * Content-Length first and on the bytes actually read (a client that lies is cut off).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileStore } from './file-store';
import { BodyTooLargeError, readBody, sendJson } from './http-util';
import { newUuid } from './wire';

/** Room for the multipart boundaries and the small fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_TEXT_CHARS = 200_000;

const tooLarge = (res: ServerResponse, size: number, limit: number) =>
  sendJson(
    res,
    413,
    { success: false, error: `File too large: ${size} bytes (limit ${limit} bytes)` },
    { Connection: 'close' },
  );

const safeSegment = (s: string) =>
  s
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120) || '_';

export function isTextual(type: string, name: string): boolean {
  return /^text\//.test(type) || /[/+](csv|json|xml)\b/.test(type) || /\.(txt|csv|md|json)$/i.test(name);
}

/** A sane `type/subtype` MIME type, or application/octet-stream. */
export function cleanMimeType(type: string): string {
  const bare = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(bare)
    ? bare
    : 'application/octet-stream';
}

export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { fileStore: FileStore; maxBytes: number; baseUrl: string; ttlS: number },
): Promise<void> {
  const { maxBytes } = deps;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) {
    tooLarge(res, declared, maxBytes);
    res.on('finish', () => req.destroy());
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, maxBytes + MULTIPART_OVERHEAD);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    tooLarge(res, error.received, maxBytes);
    res.on('finish', () => req.destroy());
    return;
  }
  let form: FormData;
  try {
    const headers = { 'content-type': String(req.headers['content-type'] ?? '') };
    form = await new Request('http://hub.invalid/upload', {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
    }).formData();
  } catch {
    return sendJson(res, 400, { success: false, error: 'Expected a multipart/form-data body' });
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    return sendJson(res, 400, { success: false, error: 'Missing file field "file"' });
  }
  if (file.size > maxBytes) return tooLarge(res, file.size, maxBytes);

  const bytes = Buffer.from(await file.arrayBuffer());
  const name = file.name || 'file';
  const type = cleanMimeType(file.type);
  const folder = String(form.get('path') ?? 'uploads')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map(safeSegment);
  const key = [
    ...(folder.length > 0 ? folder : ['uploads']),
    `${newUuid().slice(0, 8)}-${safeSegment(name)}`,
  ].join('/');
  if (!(await deps.fileStore.put({ key, name, type, size: bytes.length, bytes })))
    return sendJson(res, 507, { success: false, error: 'Upload storage is full: try again later' });
  const { url, expiresIn } = deps.fileStore.presign(deps.baseUrl, key, deps.ttlS);
  const text = isTextual(type, name)
    ? bytes.toString('utf8').slice(0, MAX_TEXT_CHARS)
    : `[binary file: ${name}, ${bytes.length} bytes]`;
  sendJson(res, 200, {
    success: true,
    text,
    fileKey: key,
    presignedUrl: url,
    expiresIn,
    fileSize: bytes.length,
  });
}
