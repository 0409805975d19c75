/**
 * An upload endpoint of the host's own: multipart POST with one field, `file`, answered by JSON
 * `{url, filename?, type?}`. For hosts that keep files in their own storage but do not want to write an
 * `uploader` function. The file goes to the bot as a link only (no extracted text).
 */
import type { OutgoingFile } from '../protocol/model';
import { DEFAULT_UPLOAD_TIMEOUT_MS, isHttpUrl, postMultipart } from './post-multipart';
import { UploadError, type Uploader } from './types';

export interface GenericUploaderOptions {
  url: string;
  /** Extra request headers, e.g. the host's own auth token. */
  headers?: Record<string, string>;
  timeoutMs?: number;
  xhr?: typeof XMLHttpRequest;
}

export function createGenericUploader(opts: GenericUploaderOptions): Uploader {
  return async (file, ctx) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const body = await postMultipart({
      url: opts.url,
      body: form,
      headers: opts.headers,
      onProgress: ctx.onProgress,
      signal: ctx.signal,
      timeoutMs: opts.timeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
      xhr: opts.xhr,
    });
    return toOutgoingFile(body, file);
  };
}

function toOutgoingFile(body: unknown, file: File): OutgoingFile {
  const r = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof r.url !== 'string' || !isHttpUrl(r.url)) {
    throw new UploadError('malformed', 'The upload service did not return a file URL.', 200);
  }
  return {
    // The server may rename the file (deduplication, sanitising); fall back to what the user picked.
    filename: typeof r.filename === 'string' && r.filename.trim() ? r.filename : file.name,
    type: typeof r.type === 'string' && r.type.trim() ? r.type : file.type || 'application/octet-stream',
    url: r.url,
  };
}
