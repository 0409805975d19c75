/**
 * The hub's REST side (docs/protocol.md §7): `GET /api/transcript?conversation_id=…` with `x-api-key`.
 * A hub that takes sends only over the socket has no REST side (404); a transcript the hub chooses not to
 * answer (`transcriptAnswerRate`) is held for a while and then answered 503, as an overloaded gateway does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationStore } from './conversations';
import { httpError, requireKey } from './http-send';
import { sendJson } from './http-util';
import type { RuntimeOptions } from './options';
import { restTranscript } from './rest-transcript';

export const UNANSWERED_HOLD_MS = 2000;

export interface HttpApiDeps {
  store: ConversationStore;
  keys: readonly string[] | null;
  options: () => RuntimeOptions;
  random: () => number;
}

export function handleRestTranscript(req: IncomingMessage, res: ServerResponse, url: URL, deps: HttpApiDeps) {
  const options = deps.options();
  if (options.acceptSends === 'socket') return httpError(res, 404, 'Not Found');
  if (!requireKey(deps.keys, req, res)) return;
  const id = url.searchParams.get('conversation_id');
  if (!id) return httpError(res, 400, 'Missing conversation_id');
  const conv = deps.store.get(id);
  if (!conv) return httpError(res, 404, 'Conversation not found');
  const rate = options.transcriptAnswerRate;
  if (rate < 1 && deps.random() >= rate) {
    const timer = setTimeout(() => {
      if (!res.destroyed) httpError(res, 503, 'Service Unavailable');
    }, UNANSWERED_HOLD_MS);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  sendJson(res, 200, restTranscript(conv, options.transcriptStyle));
}
