/**
 * One multipart POST over XMLHttpRequest, as a promise. XHR rather than fetch because fetch still has
 * no upload progress in browsers, and a 10 MB file on a slow link needs a progress bar. Every way a
 * request can end (load, error, timeout, abort, the caller's signal) settles the promise exactly once.
 */
import { UploadError } from './types';

/** Two minutes: a 10 MB file at 1 Mbit/s takes about 80 s. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000;

export interface PostOptions {
  url: string;
  body: FormData;
  headers?: Record<string, string>;
  onProgress: (fraction: number) => void;
  signal: AbortSignal;
  timeoutMs: number;
  /** The XHR constructor; tests inject a fake. */
  xhr?: typeof XMLHttpRequest;
}

/** Resolves with the parsed JSON body of a 2xx response; rejects with UploadError otherwise. */
export function postMultipart(opts: PostOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (opts.signal.aborted) {
      reject(new UploadError('aborted', 'Upload cancelled.'));
      return;
    }
    const Xhr = opts.xhr ?? XMLHttpRequest;
    const req = new Xhr();
    let settled = false;
    const onAbort = () => {
      req.abort();
      finish(() => reject(new UploadError('aborted', 'Upload cancelled.')));
    };
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal.removeEventListener('abort', onAbort);
      settle();
    };

    try {
      req.open('POST', opts.url);
      // No Content-Type: the browser must set it, with the multipart boundary. No withCredentials: the
      // host's cookies have no business going to a file service.
      for (const [name, value] of Object.entries(opts.headers ?? {})) req.setRequestHeader(name, value);
      req.timeout = opts.timeoutMs;
      req.upload.onprogress = (event) => {
        if (!event.lengthComputable || event.total <= 0) return;
        try {
          opts.onProgress(Math.min(1, Math.max(0, event.loaded / event.total)));
        } catch {
          // A broken progress callback must not break the upload.
        }
      };
      req.onload = () => finish(() => settleLoad(req.status, req.responseText, resolve, reject));
      req.onerror = () => finish(() => reject(new UploadError('network', 'Network error during upload.')));
      req.ontimeout = () => finish(() => reject(new UploadError('timeout', 'The upload timed out.')));
      req.onabort = () => finish(() => reject(new UploadError('aborted', 'Upload cancelled.')));
      opts.signal.addEventListener('abort', onAbort);
      req.send(opts.body);
    } catch {
      // open() throws on a malformed URL, send() on a request in a bad state: both are "no response".
      finish(() => reject(new UploadError('network', 'The upload could not be started.')));
    }
  });
}

function settleLoad(
  status: number,
  text: string,
  resolve: (value: unknown) => void,
  reject: (error: UploadError) => void,
): void {
  let body: unknown;
  let parsed = true;
  try {
    body = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (status >= 200 && status < 300) {
    if (parsed) resolve(body);
    else reject(new UploadError('malformed', 'The upload service sent an unreadable response.', status));
    return;
  }
  reject(new UploadError('http', serverMessage(body) ?? `Upload failed (HTTP ${status}).`, status));
}

/** The `error` (or `message`) string of a JSON error body, e.g. the vendor's 413 `{success:false, error}`. */
export function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const text = typeof record.error === 'string' ? record.error : record.message;
  // Capped: this text may reach the UI, and a server error page is not a message.
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, 300) : undefined;
}

/** The URL goes to the hub and on to bots and agents: only absolute http(s) is useful or safe there. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
