/**
 * A bot message too large for the socket: the hub sends `general_error` 413 with a `message_link`, and
 * `GET message_link` answers `{botMessage:{content:[parts]}}` (docs/protocol.md §3). The link comes from
 * the hub, so it is checked before anything is fetched (key-scope.ts), never sent with cookies, and its
 * body is read with a byte cap.
 */
import { decodeParts, type MessagePart } from '../protocol';
import { isRecord, own } from '../protocol/guards';
import { readAnswer } from './http-answer';
import { type KeyScope, mayReceiveApiKey, messageLinkTarget } from './key-scope';

export type MessageLinkResult =
  | { ok: true; parts: MessagePart[] }
  | { ok: false; reason: 'refused-link' | 'http' | 'network' | 'malformed'; detail: string };

export interface MessageLinkOptions {
  scope: KeyScope;
  apiKey: string;
  timeoutMs?: number;
  /** Far above any frame the socket could carry, far below what would hurt a tab. */
  maxBytes?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_MESSAGE_LINK_MAX_BYTES = 2 * 1024 * 1024;

export async function fetchMessageLink(link: string, opts: MessageLinkOptions): Promise<MessageLinkResult> {
  const url = messageLinkTarget(link, opts.scope);
  if (!url) return { ok: false, reason: 'refused-link', detail: 'not an https: link' };
  const headers: Record<string, string> = { Accept: 'application/json' };
  const withKey = mayReceiveApiKey(url.href, opts.scope);
  if (withKey) headers['x-api-key'] = opts.apiKey;
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 15_000);
  try {
    const response = await doFetch(url.href, {
      headers,
      credentials: 'omit',
      // A followed redirect keeps the headers: with the key, it would take the key along.
      redirect: withKey ? 'error' : 'follow',
      signal: controller.signal,
    });
    if (!response.ok) return { ok: false, reason: 'http', detail: `HTTP ${response.status}` };
    const answer = await readAnswer(response, opts.maxBytes ?? DEFAULT_MESSAGE_LINK_MAX_BYTES);
    if (answer.type !== 'json') {
      return { ok: false, reason: 'malformed', detail: answer.type === 'text' ? 'not JSON' : answer.detail };
    }
    const message = own(answer.value, 'botMessage');
    const content = isRecord(message) ? own(message, 'content') : own(answer.value, 'content');
    const parts = decodeParts(content);
    if (parts.length === 0) return { ok: false, reason: 'malformed', detail: 'no content' };
    return { ok: true, parts };
  } catch (error) {
    return { ok: false, reason: 'network', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
