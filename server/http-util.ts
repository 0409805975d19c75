/**
 * Small HTTP helpers shared by the routes: common headers (CORP, nosniff, and CORS for the public
 * routes), JSON/text answers, bounded body reading, loopback check, and the base URL a client used.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Content-Type-Options': 'nosniff',
};

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Headers': 'content-type, x-api-key',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Max-Age': '600',
};

/** Common headers; with `cors`, any origin may call (the widget runs on other sites): it is echoed. */
export function setCommonHeaders(res: ServerResponse, req: IncomingMessage, cors: boolean): void {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
  if (!cors) return;
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin && origin !== 'null' ? origin : '*');
  res.setHeader('Vary', 'Origin');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(text);
}

export class BodyTooLargeError extends Error {
  constructor(readonly received: number) {
    super(`body larger than allowed (${received} bytes so far)`);
  }
}

/** Reads the whole body; rejects with BodyTooLargeError as soon as more than `limit` bytes arrived. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLargeError(received));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads a JSON object body (small); `{}` for an empty body. Throws on invalid JSON. */
export async function readJson(req: IncomingMessage, limit = 1024 * 1024): Promise<unknown> {
  const body = await readBody(req, limit);
  return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

const HOST_PATTERN = /^[A-Za-z0-9.\-_]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * `http(s)://host:port` as the client reached us (Host, or X-Forwarded-Host/-Proto behind a proxy), so
 * absolute URLs in demo content work on any port. Falls back when the header is missing or odd.
 */
export function baseUrlOf(req: IncomingMessage, fallback: string): string {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  const host = first(req.headers['x-forwarded-host']) ?? req.headers.host;
  if (!host || !HOST_PATTERN.test(host)) return fallback;
  const proto = first(req.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}
