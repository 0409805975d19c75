/**
 * What an answer (or the lack of one) from the hub's HTTP side means for the event that was sent: the one
 * place that decides it, so the send-mode rule and the outbox act on a kind, never on a status code.
 *
 * - `delivered`: 2xx; the hub has the event, and `answer` is its body (JSON, or text such as `OK`).
 * - `no-http-side`: nothing there takes events (404, 405, 501, a redirect, the API gateway's 403
 *   "Missing Authentication Token" for an unrouted path, or a request that failed before this HTTP side
 *   ever answered: unreachable, or refused by CORS, in which case the preflight stopped it before it reached
 *   the hub). The event did not arrive; `auto` may send it over the socket.
 * - `retry`: try again later (429, 408, 5xx, a timeout, a connection lost). `mayHaveArrived` says whether
 *   the hub may have the event already: reconcile before sending it again.
 * - `stale-socket`: the hub does not know the socket id (400 naming it, 410): wait for the next
 *   `socket_connected` and send with the new id.
 * - `rejected`: another 4xx; the visitor sees a failure with Retry.
 * - `unauthorized`: 401, or 403 for any other reason (the key is wrong or not allowed here).
 * - `too-large`: not sent; the frame is over the gateway's limit in any mode.
 */
import { clip, isRecord, own } from '../protocol/guards';

export type HttpAnswer =
  | { type: 'json'; value: unknown }
  | { type: 'text'; value: string }
  /** A 2xx whose body could not be read in full (connection lost, or over the size cap). */
  | { type: 'unreadable'; detail: string };

export type HttpOutcome =
  | { kind: 'delivered'; status: number; answer: HttpAnswer }
  | { kind: 'no-http-side'; status?: number; detail: string }
  | { kind: 'retry'; status?: number; retryAfterMs?: number; mayHaveArrived: boolean; detail: string }
  | { kind: 'stale-socket'; status?: number; detail: string }
  | { kind: 'rejected'; status: number; detail: string }
  | { kind: 'unauthorized'; status: number; detail: string }
  | { kind: 'too-large'; bytes: number };

export type HttpOutcomeKind = HttpOutcome['kind'];

export interface HttpResponseFacts {
  status: number;
  /** The `Retry-After` header, as sent. */
  retryAfter?: string | null;
  contentType?: string | null;
  body: HttpAnswer;
  /** The socket id the request carried; a 400 that names it means the hub no longer knows that socket. */
  socketId?: string;
  now?: number;
}

/** The outcome of a request that got an HTTP answer. */
export function classifyResponse(r: HttpResponseFacts): HttpOutcome {
  const { status } = r;
  const detail = summarise(r.body, status);
  if (status >= 200 && status < 300) return { kind: 'delivered', status, answer: r.body };
  // `redirect: 'manual'` gives an opaque redirect (status 0) in browsers, the 3xx itself elsewhere: not
  // followed, so the key never goes to an origin nobody configured.
  if (status === 0 || (status >= 300 && status < 400) || status === 404 || status === 405 || status === 501) {
    return { kind: 'no-http-side', status, detail };
  }
  if (status === 403 && gatewayMessage(r.body) === 'Missing Authentication Token') {
    return { kind: 'no-http-side', status, detail };
  }
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, detail };
  if (r.socketId !== undefined && (status === 410 || (status === 400 && namesSocket(r.body, r.socketId)))) {
    return { kind: 'stale-socket', status, detail };
  }
  if (status === 429 || status === 408 || status >= 500) {
    const outcome: HttpOutcome = { kind: 'retry', status, mayHaveArrived: status >= 500, detail };
    const wait = retryAfterMs(r.retryAfter, r.now ?? Date.now());
    if (wait !== undefined) outcome.retryAfterMs = wait;
    return outcome;
  }
  return { kind: 'rejected', status, detail };
}

export interface FailureFacts {
  /** We aborted the request (timeout or close), possibly after it was sent; the reason. */
  aborted?: 'timed out' | 'closed';
  /** Whether this HTTP side has answered anything (any status) in this page view. */
  everAnswered: boolean;
  /** `navigator.onLine`, where there is one. */
  online: boolean;
  error: unknown;
}

/**
 * The outcome of a request that got no answer. A browser gives the same `TypeError` for an unreachable
 * host, a CORS refusal and a connection lost mid-request; only the history tells them apart. Every request
 * here is preflighted (`x-api-key`), so until the HTTP side has answered once, the failing step is taken to
 * be the preflight or the connection, neither of which delivers the event.
 */
export function classifyFailure(f: FailureFacts): HttpOutcome {
  const detail = f.aborted ?? clip(f.error instanceof Error ? f.error.message : String(f.error));
  if (!f.aborted && f.online && !f.everAnswered) return { kind: 'no-http-side', detail };
  return { kind: 'retry', mayHaveArrived: true, detail };
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date starts with the day's name; `Date.parse` alone would read "-5" as a year.
  const at = /^[a-z]{3},/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function gatewayMessage(body: HttpAnswer): unknown {
  return body.type === 'json' ? own(body.value, 'message') : undefined;
}

function namesSocket(body: HttpAnswer, socketId: string): boolean {
  const text = body.type === 'json' ? JSON.stringify(body.value) : body.type === 'text' ? body.value : '';
  return (socketId !== '' && text.includes(socketId)) || /socket|connection/i.test(text);
}

function summarise(body: HttpAnswer, status: number): string {
  if (body.type === 'text') return clip(body.value.trim() || `HTTP ${status}`);
  if (body.type === 'unreadable') return body.detail;
  const message = isRecord(body.value) ? (own(body.value, 'message') ?? own(body.value, 'error')) : undefined;
  return typeof message === 'string' ? clip(message) : `HTTP ${status}`;
}
