/**
 * `/__control/*`: the control interface over HTTP, for local programs holding the run's token
 * (control-guard.ts): header `x-control-token: TOKEN` (or `Authorization: Bearer TOKEN`), and
 * `Content-Type: application/json` on every POST. No CORS.
 *   POST /__control/push {conversationId?, frame}   → {delivered}
 *   POST /__control/drop                            → {dropped}
 *   POST /__control/lose {eventType, count?, answer?} → {ok}  (loseNext, or loseNextAnswer with answer:true)
 *   POST /__control/refuse {ms}                     → {refusing, ms}
 *   GET  /__control/frames?conversationId=&type=&via=socket|http
 *                                                   → [{at, socketId, conversationId, eventType, payload, via}]
 *   GET  /__control/conversations                   → [summary]
 *   GET  /__control/conversations/<id>              → the stored conversation
 *   POST /__control/reset                           → {ok}
 *   GET|POST /__control/options {patch}             → options
 *   GET  /__control/stats                           → {received, invalid, unknown, sockets}
 *   POST /__control/seed {conversationId?, userId?, messages?: [{from, content}], count?}
 *                                                   → {conversationId, messageCount}
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubControl } from './control';
import { type ControlGuardOptions, checkControlRequest } from './control-guard';
import { readJson, sendJson } from './http-util';
import { parseSeedRequest } from './seed';
import { isObject, str } from './wire';

export async function handleControl(
  control: HubControl,
  guard: ControlGuardOptions,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const refusal = checkControlRequest(req, guard);
  if (refusal) {
    req.resume();
    return sendJson(res, refusal.status, { error: refusal.error }, { Connection: 'close' });
  }
  const route = `${req.method} ${url.pathname.slice('/__control'.length)}`;
  let body: unknown = {};
  if (req.method === 'POST') {
    try {
      body = await readJson(req);
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' });
    }
  }
  const input = isObject(body) ? body : {};

  switch (route) {
    case 'POST /push': {
      if (!('frame' in input)) return sendJson(res, 400, { error: 'missing frame' });
      return sendJson(res, 200, { delivered: control.push(str(input.conversationId) ?? null, input.frame) });
    }
    case 'POST /drop':
      return sendJson(res, 200, { dropped: control.drop() });
    case 'POST /lose': {
      const eventType = str(input.eventType);
      const count = input.count ?? 1;
      if (!eventType || typeof count !== 'number' || !Number.isInteger(count) || count < 1)
        return sendJson(res, 400, { error: 'expected {eventType, count?: integer >= 1, answer?: boolean}' });
      if (input.answer === true) control.loseNextAnswer(eventType, count);
      else control.loseNext(eventType, count);
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /refuse': {
      const ms = Number(input.ms ?? 0);
      if (!Number.isFinite(ms) || ms < 0) return sendJson(res, 400, { error: 'ms must be a number >= 0' });
      control.refuse(ms);
      return sendJson(res, 200, { refusing: control.isRefusing(), ms });
    }
    case 'GET /frames': {
      const { searchParams: q } = url;
      return sendJson(
        res,
        200,
        control.frames({
          conversationId: q.get('conversationId'),
          type: q.get('type'),
          via: q.get('via') === 'http' ? 'http' : q.get('via') === 'socket' ? 'socket' : null,
        }),
      );
    }
    case 'GET /conversations':
      return sendJson(res, 200, control.conversations());
    case 'POST /reset':
      control.reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /options':
      return sendJson(res, 200, control.options());
    case 'POST /options':
      try {
        return sendJson(res, 200, control.setOptions(input));
      } catch (error) {
        return sendJson(res, 400, { error: (error as Error).message });
      }
    case 'GET /stats':
      return sendJson(res, 200, control.stats());
    case 'POST /seed': {
      const request = parseSeedRequest(input);
      if (typeof request === 'string') return sendJson(res, 400, { error: request });
      const seeded = control.seed(request);
      if (!seeded) return sendJson(res, 404, { error: 'no such conversation' });
      return sendJson(res, 200, seeded);
    }
  }
  const one = /^GET \/conversations\/([^/]+)$/.exec(route);
  const conv = one?.[1] ? control.conversation(decodeURIComponent(one[1])) : undefined;
  if (conv) return sendJson(res, 200, conv);
  sendJson(res, 404, { error: `no control route ${route}` });
}
