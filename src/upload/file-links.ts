/**
 * Fresh links for files the hub stored. The file service's links expire (2 hours by default,
 * docs/protocol.md §6), so a file in an old conversation points nowhere; the service hands out a new link
 * for the file's key: `POST <upload origin>/api/presigned-url {fileKey, expiresIn}` → `{success,
 * presignedUrl}`. One request per key at a time; a key whose refresh failed is not asked for again on
 * this page, so a broken service costs one request per file, not one per render.
 */
import { isHttpUrl } from './post-multipart';

export interface FileLinksOptions {
  /** The upload endpoint (it speaks the vendor file service's protocol); the refresh route is on its origin. */
  uploadUrl: string;
  /** Sent as `x-api-key`: the upload endpoint may receive the key (docs/architecture.md, API key). */
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Lifetime asked for, in seconds. */
  lifetimeS?: number;
}

export interface FileLinks {
  /** A working link for the file with this key, or undefined when the service will not give one. */
  fresh(fileKey: string): Promise<string | undefined>;
}

export const DEFAULT_LINK_LIFETIME_S = 7200;
const DEFAULT_TIMEOUT_MS = 10_000;

export function presignedUrlEndpoint(uploadUrl: string): string | undefined {
  try {
    return new URL('/api/presigned-url', uploadUrl).href;
  } catch {
    return undefined;
  }
}

export function createFileLinks(opts: FileLinksOptions): FileLinks {
  const endpoint = presignedUrlEndpoint(opts.uploadUrl);
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const pending = new Map<string, Promise<string | undefined>>();

  async function ask(fileKey: string): Promise<string | undefined> {
    if (!endpoint) return undefined;
    try {
      const response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-api-key': opts.apiKey },
        body: JSON.stringify({ fileKey, expiresIn: opts.lifetimeS ?? DEFAULT_LINK_LIFETIME_S }),
        credentials: 'omit',
        signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      if (!response.ok) return undefined;
      const body: unknown = await response.json();
      const url = typeof body === 'object' && body !== null ? Reflect.get(body, 'presignedUrl') : undefined;
      const refused = typeof body === 'object' && body !== null && Reflect.get(body, 'success') === false;
      return !refused && typeof url === 'string' && isHttpUrl(url) ? url : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    fresh(fileKey) {
      let link = pending.get(fileKey);
      if (!link) {
        link = ask(fileKey);
        pending.set(fileKey, link);
        // A good link is asked for again once it could have expired; a refused one is not asked for again.
        void link.then((url) => {
          if (url)
            setTimeout(
              () => pending.delete(fileKey),
              ((opts.lifetimeS ?? DEFAULT_LINK_LIFETIME_S) * 1000) / 2,
            );
        });
      }
      return link;
    },
  };
}
