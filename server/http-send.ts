/**
 * `POST /api/custom-channel/sockets/message` (docs/protocol.md §7): a client event sent over HTTP, naming
 * the socket that receives its pushes (`event.socket_id`). It runs through the same handlers as a socket
 * frame; requests that have an answer get it in the HTTP body (JSON), everything pushed still goes to the
 * socket, and the rest is answered `200 OK` (text/plain).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch, Reply } from './dispatch';
import type { Faults } from './faults';
import { BodyTooLargeError, readBody, sendJson, sendText } from './http-util';
import { type AcceptSends, isKeyAccepted } from './options';
import type { Registry } from './registry';
import type { Responder } from './responder';
import { type Json, parseInbound } from './wire';

export interface HttpSendDeps {
  registry: Registry;
  responder: Responder;
  dispatch: Dispatch;
  faults: Faults;
  keys: readonly string[] | null;
  acceptSends: () => AcceptSends;
}

/** Events whose answer comes back in the HTTP body, and how each answer frame reads there. */
const BODY_ANSWERS: Readonly<Record<string, (payload: Json, request: Json) => Json>> = {
  metadata_request: (p) => ({ conversation_id: p.conversation_id, metadata: p.content }),
  get_user_conversations: (p) => p,
  get_user_conversations_v2: (p) => p,
  delete_conversation: (p, r) => ({ success: true, ...p, ...softdelete(r) }),
  delete_user_conversations: (p, r) => ({ success: true, ...p, ...softdelete(r) }),
  edit_message: (p) => ({ success: true, ...p }),
  metadata: (p) => ({ success: true, ...p }),
};

function softdelete(request: Json): Json {
  return typeof request.softdelete === 'boolean' ? { softdelete: request.softdelete } : {};
}

export const httpError = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { message });

/** True when the request carries an accepted `x-api-key`; otherwise answers 401. */
export function requireKey(keys: readonly string[] | null, req: IncomingMessage, res: ServerResponse) {
  const key = req.headers['x-api-key'];
  if (typeof key === 'string' && isKeyAccepted(keys, key)) return true;
  httpError(res, 401, 'Unauthorized');
  return false;
}

export async function handleHttpSend(req: IncomingMessage, res: ServerResponse, deps: HttpSendDeps) {
  if (deps.acceptSends() === 'socket') return httpError(res, 404, 'Not Found');
  if (!requireKey(deps.keys, req, res)) return;
  let raw: string;
  try {
    raw = (await readBody(req, 1024 * 1024)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLargeError) return httpError(res, 413, 'Request Entity Too Large');
    throw error;
  }
  const event = parseInbound(raw);
  if (!event) return httpError(res, 400, 'Expected {action, event:{event_type, event_payload, socket_id}}');
  if (!event.socketId) return httpError(res, 400, 'Missing event.socket_id');
  const client = deps.registry.byId(event.socketId);
  if (!client) return httpError(res, 400, `No open socket ${event.socketId}`);
  if (deps.faults.take(event.eventType)) return void req.socket.destroy();

  const toBody = Object.hasOwn(BODY_ANSWERS, event.eventType) ? BODY_ANSWERS[event.eventType] : undefined;
  const answer: { status?: number; body?: Json } = {};
  const reply: Reply = {
    send(eventType, payload) {
      if (!toBody) return deps.registry.send(client, eventType, payload);
      answer.status = 200;
      answer.body = toBody(payload, event.payload);
    },
    error(conversationId, code, desc) {
      if (!toBody) return deps.responder.error(conversationId, code, desc, {}, client);
      answer.status = code;
      answer.body = { message: desc, conversation_id: conversationId };
    },
  };
  deps.dispatch(client, event, reply, 'http');
  if (deps.faults.takeAnswer(event.eventType)) return void req.socket.destroy();
  if (answer.status !== undefined) sendJson(res, answer.status, answer.body);
  else sendText(res, 200, 'OK');
}
