/**
 * The vendor's file service (docs/protocol.md §6): multipart POST with `file`, `includeMetadata=true`,
 * `storage=true`, `path=<apiKey>/<conversationId>`, answered by
 * `{success, text, fileKey, presignedUrl, expiresIn, fileSize}`. The result becomes the FILE object the
 * vendor's own client sends, including the extracted text so the bot can read the document.
 */
import type { OutgoingFile } from '../protocol/model';
import { DEFAULT_UPLOAD_TIMEOUT_MS, isHttpUrl, postMultipart, serverMessage } from './post-multipart';
import { capText, DEFAULT_MAX_TEXT_BYTES } from './text-budget';
import { UploadError, type Uploader } from './types';

export const VENDOR_UPLOAD_URL = 'https://file-to-text.prod.captivat.io/api/file-to-text';

export interface VendorUploaderOptions {
  url: string;
  /** Sent as `x-api-key` and in `path`; docs/architecture.md §2 allows the key to go to the configured endpoint. */
  apiKey: string;
  timeoutMs?: number;
  /** JSON-encoded UTF-8 budget for the extracted text (see text-budget.ts). */
  maxTextBytes?: number;
  xhr?: typeof XMLHttpRequest;
}

export function createVendorUploader(opts: VendorUploaderOptions): Uploader {
  return async (file, ctx) => {
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('includeMetadata', 'true');
    form.append('storage', 'true');
    form.append('path', `${opts.apiKey}/${ctx.conversationId}`);
    const body = await postMultipart({
      url: opts.url,
      body: form,
      headers: { 'x-api-key': opts.apiKey },
      onProgress: ctx.onProgress,
      signal: ctx.signal,
      timeoutMs: opts.timeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
      xhr: opts.xhr,
    });
    return toOutgoingFile(body, file, opts.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES);
  };
}

function toOutgoingFile(body: unknown, file: File, maxTextBytes: number): OutgoingFile {
  const r = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (r.success === false) {
    throw new UploadError('http', serverMessage(r) ?? 'The file service refused the file.', 200);
  }
  const { fileKey, presignedUrl } = r;
  if (
    typeof fileKey !== 'string' ||
    !fileKey ||
    typeof presignedUrl !== 'string' ||
    !isHttpUrl(presignedUrl)
  ) {
    throw new UploadError('malformed', 'The file service sent an incomplete response.', 200);
  }
  const result: OutgoingFile = {
    filename: file.name,
    type: file.type || 'application/octet-stream',
    url: presignedUrl,
    storage: {
      fileKey,
      presignedUrl,
      expiresIn: finiteOr(r.expiresIn, 0),
      fileSize: finiteOr(r.fileSize, file.size),
    },
  };
  if (typeof r.text === 'string' && r.text.trim() !== '') {
    const capped = capText(r.text, maxTextBytes);
    result.textContent = {
      type: 'file_content',
      text: capped.text,
      metadata: {
        source: 'file_attachment',
        originalFileName: file.name,
        ...(capped.truncated ? { truncated: true } : {}),
      },
    };
  }
  return result;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
