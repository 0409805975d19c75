/**
 * Records what a page fetches from the widget's origin: every JS and CSS response with its body, compressed
 * here with brotli (quality 11) and gzip (level 9) as a CDN would serve it, plus every failed request. Each
 * response counts, so a file fetched twice costs twice. `quiet()` waits until the network has settled.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Page, Request, Response } from 'playwright-core';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Fetched extends Sizes {
  /** Path on the widget's origin, e.g. `/assets/mount-B8vlr9vK.js`. */
  path: string;
}

export interface FetchLog {
  /** Resolves with every JS/CSS response so far once no request has been in flight for `idleMs`. */
  quiet(idleMs?: number, timeoutMs?: number): Promise<Fetched[]>;
  /** Requests for the widget's files that failed or answered with an error status. */
  readonly failures: string[];
  /** Rejects at the first such failure, so a scenario waiting for the widget can stop at once. */
  readonly failed: Promise<never>;
}

const WIDGET_FILE = /\.(?:m?js|css)$/;

export function compressedSizes(bytes: Buffer): Sizes {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

export function sum(files: readonly Sizes[]): Sizes {
  return files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    {
      raw: 0,
      gzip: 0,
      brotli: 0,
    },
  );
}

/** Starts recording on `page` (before its first navigation) the files served from `origin`. */
export function recordFetches(page: Page, origin: string): FetchLog {
  const fetched: Promise<Fetched | undefined>[] = [];
  const failures: string[] = [];
  let reject: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, fail) => {
    reject = fail;
  });
  failed.catch(() => {});
  const fail = (reason: string) => {
    failures.push(reason);
    reject(new Error(`widget files failed to load: ${failures.join('; ')}`));
  };
  let inFlight = 0;
  let lastEvent = Date.now();
  const widgetPath = (url: string): string | undefined => {
    const parsed = new URL(url);
    return parsed.origin === origin && WIDGET_FILE.test(parsed.pathname) ? parsed.pathname : undefined;
  };
  const settle = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastEvent = Date.now();
  };

  page.on('request', () => {
    inFlight++;
    lastEvent = Date.now();
  });
  page.on('requestfinished', settle);
  page.on('requestfailed', (request: Request) => {
    settle();
    const path = widgetPath(request.url());
    if (path) fail(`${path}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response: Response) => {
    const path = widgetPath(response.url());
    if (!path) return;
    if (response.status() >= 400) {
      fail(`${path}: HTTP ${response.status()}`);
      return;
    }
    fetched.push(
      response.body().then(
        (body) => ({ path, ...compressedSizes(body) }),
        (error: Error) => {
          fail(`${path}: body unreadable (${error.message})`);
          return undefined;
        },
      ),
    );
  });

  return {
    failures,
    failed,
    async quiet(idleMs = 500, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - lastEvent < idleMs) {
        if (Date.now() > deadline) throw new Error(`network still busy after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return (await Promise.all(fetched)).filter((f): f is Fetched => f !== undefined);
    },
  };
}
