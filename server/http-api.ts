/**
 * The hub's REST side (docs/protocol.md §7): `GET /api/transcript?conversation_id=…` with `x-api-key`.
 * A hub that takes sends only over the socket has no REST side (404); a transcript the hub chooses not to
 * answer (`transcriptAnswerRate`) is held for a while and then answered 503, as an overloaded gateway does.
 * And the file service's `POST /api/presigned-url {fileKey, expiresIn}` → `{success, presignedUrl, expiresIn}`
 * (a fresh link for a stored upload; `x-api-key` needed only when the hub has a key list).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationStore } from './conversations';
import type { FileStore } from './file-store';
import { httpError, requireKey } from './http-send';
import { readJson, sendJson } from './http-util';
import type { RuntimeOptions } from './options';
import { restTranscript } from './rest-transcript';
import { isObject, str } from './wire';

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

/** The longest link the file service hands out (the vendor's presigned S3 links: 7 days). */
export const MAX_LINK_TTL_S = 7 * 24 * 3600;

export async function handlePresignedUrl(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { fileStore: FileStore; keys: readonly string[] | null; ttlS: number; baseUrl: string },
) {
  if (deps.keys && !requireKey(deps.keys, req, res)) return;
  const fail = (status: number, error: string) => sendJson(res, status, { success: false, error });
  let body: unknown;
  try {
    body = await readJson(req, 16 * 1024);
  } catch {
    return fail(400, 'Expected a JSON body {fileKey, expiresIn}');
  }
  const fileKey = isObject(body) ? str(body.fileKey) : undefined;
  if (!fileKey || !isObject(body)) return fail(400, 'Missing fileKey');
  const asked = body.expiresIn ?? deps.ttlS;
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked < 1 || asked > MAX_LINK_TTL_S)
    return fail(400, `expiresIn must be whole seconds from 1 to ${MAX_LINK_TTL_S}`);
  if (!(await deps.fileStore.get(fileKey))) return fail(404, 'No such file');
  const { url, expiresIn } = deps.fileStore.presign(deps.baseUrl, fileKey, asked);
  sendJson(res, 200, { success: true, presignedUrl: url, expiresIn });
}
