/**
 * The hub's HTTP side (docs/protocol.md §7), as the vendor's client 5.x+ uses it: client events POSTed
 * with the id of the socket that receives the answers, and the REST transcript. Never throws: every
 * request ends in one `HttpOutcome` (http-result.ts says what each means).
 *
 * Requests carry the channel key to this one origin only, never cookies (`credentials: 'omit'`), and never
 * follow a redirect (a redirect would take the key to an origin nobody configured).
 */
import {
  type AnswerDecode,
  type DecodeResult,
  decodeHttpAnswer,
  decodeRestTranscript,
  type OutboundFrame,
  toWire,
  withSocketId,
} from '../protocol';
import { readAnswer } from './http-answer';
import { classifyFailure, classifyResponse, type HttpAnswer, type HttpOutcome } from './http-result';
import { isSecureEndpoint } from './key-scope';

export const EVENT_PATH = '/api/custom-channel/sockets/message';
export const TRANSCRIPT_PATH = '/api/transcript';

export interface HttpSideOptions {
  /** The hub's HTTP origin (and path prefix, if any), without a trailing slash. */
  httpUrl: string;
  apiKey: string;
  /** Per request, answer included. */
  timeoutMs?: number;
  /** Answers larger than this are not read (a transcript is the largest). */
  maxAnswerBytes?: number;
  /** `navigator.onLine`: a request that fails while offline says nothing about the HTTP side. */
  online?: () => boolean;
  fetch?: typeof fetch;
}

/**
 * What became of a POSTed event. Delivered events carry the answer decoded into the frame the socket
 * would have given (`metadata_request` → `conversation_metadata`, …), or `none` when the body holds none.
 */
export type SendOutcome =
  | Exclude<HttpOutcome, { kind: 'delivered' }>
  | { kind: 'delivered'; status: number; answer: HttpAnswer; reply: AnswerDecode };

/** A REST transcript, decoded like the socket's `conversation_transcript`, or why there is none. */
export type TranscriptOutcome =
  | { kind: 'transcript'; result: DecodeResult }
  | Exclude<HttpOutcome, { kind: 'delivered' | 'too-large' }>;

export interface HttpSide {
  /** POSTs one client event for the socket `socketId` (the latest `socket_connected`). */
  send(frame: OutboundFrame, socketId: string | undefined): Promise<SendOutcome>;
  transcript(conversationId: string): Promise<TranscriptOutcome>;
  /** Whether this HTTP side has answered anything yet; until then a failed request means it is not there. */
  readonly answered: boolean;
  /** Aborts what is in flight; later calls end as `retry` without a request. */
  close(): void;
}

export const DEFAULT_HTTP_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_ANSWER_BYTES = 8 * 1024 * 1024;

export function createHttpSide(opts: HttpSideOptions): HttpSide {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const online = opts.online ?? (() => globalThis.navigator?.onLine !== false);
  const secure = isPlausibleBase(opts.httpUrl);
  const inFlight = new Set<AbortController>();
  let answered = false;
  let closed = false;

  /** A GET, or a POST of `post.body` (JSON) for the socket `post.socketId`. */
  async function request(url: string, post?: { body: string; socketId: string }): Promise<HttpOutcome> {
    if (closed) return { kind: 'retry', mayHaveArrived: false, detail: 'closed' };
    if (!secure) return { kind: 'no-http-side', detail: 'http-url is not a secure absolute URL' };
    const controller = new AbortController();
    inFlight.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, opts.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS);
    const aborted = () => (timedOut ? 'timed out' : controller.signal.aborted ? 'closed' : undefined);
    try {
      const headers: Record<string, string> = { 'x-api-key': opts.apiKey, Accept: 'application/json' };
      if (post) headers['Content-Type'] = 'application/json';
      const response = await doFetch(url, {
        method: post ? 'POST' : 'GET',
        headers,
        ...(post ? { body: post.body } : {}),
        credentials: 'omit',
        redirect: 'manual',
        cache: 'no-store',
        signal: controller.signal,
      });
      answered = true;
      const body = await readAnswer(response, opts.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES);
      return classifyResponse({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body,
        ...(post ? { socketId: post.socketId } : {}),
      });
    } catch (error) {
      return classifyFailure({ aborted: aborted(), everAnswered: answered, online: online(), error });
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
    }
  }

  return {
    async send(frame, socketId) {
      // Without the current socket id the hub would push the answers nowhere (or to a dead socket).
      if (!socketId) return { kind: 'stale-socket', detail: 'no socket id yet' };
      const wire = toWire(withSocketId(frame, socketId));
      if (!wire.ok) return { kind: 'too-large', bytes: wire.bytes };
      const outcome = await request(opts.httpUrl + EVENT_PATH, { body: wire.text, socketId });
      if (outcome.kind !== 'delivered') return outcome;
      return { ...outcome, reply: decodeHttpAnswer(frame, bodyOf(outcome.answer)) };
    },
    async transcript(conversationId) {
      const query = `?conversation_id=${encodeURIComponent(conversationId)}`;
      const outcome = await request(opts.httpUrl + TRANSCRIPT_PATH + query);
      if (outcome.kind === 'too-large') return { kind: 'rejected', status: 0, detail: 'too large' };
      if (outcome.kind !== 'delivered') return outcome;
      return { kind: 'transcript', result: decodeRestTranscript(bodyOf(outcome.answer), conversationId) };
    },
    get answered() {
      return answered;
    },
    close() {
      closed = true;
      for (const controller of inFlight) controller.abort();
    },
  };
}

/** What the protocol decoders take: parsed JSON, the text, or undefined for a body that could not be read. */
function bodyOf(answer: HttpAnswer): unknown {
  return answer.type === 'unreadable' ? undefined : answer.value;
}

function isPlausibleBase(httpUrl: string): boolean {
  try {
    return isSecureEndpoint(new URL(httpUrl));
  } catch {
    return false;
  }
}
