/**
 * One WebSocket connection from the hub's side: API key check (close 4001/4003), `socket_connected`,
 * gateway realism (idle timeout and maximum age; frames over 32 KB close with 1009 through ws's
 * `maxPayload`), then every frame is parsed and dispatched (dispatch.ts). Bad frames are counted and
 * ignored, never thrown. While the hub takes sends only over HTTP, every event frame is answered as an
 * API gateway answers a frame it has no route for, and nothing else happens.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Dispatch, Reply } from './dispatch';
import type { Faults } from './faults';
import type { FrameLog } from './frame-log';
import { baseUrlOf } from './http-util';
import { type AcceptSends, isKeyAccepted } from './options';
import type { ClientSocket, Registry } from './registry';
import { newEventId, newSocketId, parseInbound } from './wire';

export const CLOSE_MISSING_KEY = { code: 4001, reason: 'Missing apiKey query parameter' } as const;
export const CLOSE_REFUSED_KEY = { code: 4003, reason: 'API key not accepted' } as const;
export const CLOSE_IDLE = { code: 1001, reason: 'Idle timeout' } as const;
export const CLOSE_MAX_AGE = { code: 1001, reason: 'Maximum connection age reached' } as const;

export interface SocketHandlerDeps {
  registry: Registry;
  frameLog: FrameLog;
  faults: Faults;
  dispatch: Dispatch;
  /** Answers over this socket. */
  reply: (client: ClientSocket) => Reply;
  acceptSends: () => AcceptSends;
  keys: readonly string[] | null;
  idleTimeoutMs: number;
  maxConnectionAgeMs: number;
  fallbackBaseUrl: () => string;
  /** Verbose log (every frame), or null. */
  log: ((line: string) => void) | null;
  /** Always-on log for problems. */
  warn: (line: string) => void;
}

export function apiKeyOf(req: IncomingMessage): string | null {
  const query = new URL(req.url ?? '/', 'http://hub.invalid').searchParams;
  return query.get('apiKey') ?? query.get('apikey');
}

export function createSocketHandler(deps: SocketHandlerDeps): (ws: WebSocket, req: IncomingMessage) => void {
  const { registry, frameLog, log } = deps;

  return (ws, req) => {
    ws.on('error', (error) => log?.(`socket error: ${error.message}`));
    const apiKey = apiKeyOf(req);
    if (apiKey === null || apiKey === '') return ws.close(CLOSE_MISSING_KEY.code, CLOSE_MISSING_KEY.reason);
    if (!isKeyAccepted(deps.keys, apiKey)) return ws.close(CLOSE_REFUSED_KEY.code, CLOSE_REFUSED_KEY.reason);

    const client: ClientSocket = {
      id: newSocketId(),
      ws,
      baseUrl: baseUrlOf(req, deps.fallbackBaseUrl()),
      apiKey,
      conversationId: null,
    };
    registry.add(client);

    let idle: NodeJS.Timeout | undefined;
    const armIdle = () => {
      clearTimeout(idle);
      if (deps.idleTimeoutMs > 0)
        idle = setTimeout(() => ws.close(CLOSE_IDLE.code, CLOSE_IDLE.reason), deps.idleTimeoutMs);
    };
    const maxAge =
      deps.maxConnectionAgeMs > 0
        ? setTimeout(() => ws.close(CLOSE_MAX_AGE.code, CLOSE_MAX_AGE.reason), deps.maxConnectionAgeMs)
        : undefined;
    armIdle();
    ws.on('close', () => {
      clearTimeout(idle);
      clearTimeout(maxAge);
      registry.remove(client);
    });

    /** Cut on purpose: what the socket had already carried past the cut is lost with it, as on a dead line. */
    let cut = false;
    ws.on('message', (data, isBinary) => {
      if (cut) return;
      armIdle();
      const raw = isBinary ? null : data.toString();
      log?.(`← ${client.id} ${raw ?? `<binary ${Buffer.isBuffer(data) ? data.length : '?'} bytes>`}`);
      const event = raw === null ? null : parseInbound(raw);
      if (!event) {
        frameLog.countInvalid();
        log?.(`  ignored: not a JSON event frame`);
        return;
      }
      if (deps.acceptSends() === 'http') {
        log?.(`  refused: this hub takes sends over HTTP only`);
        registry.sendRaw(client, { message: 'Forbidden', connectionId: client.id, requestId: newEventId() });
        return;
      }
      if (deps.faults.take(event.eventType)) {
        log?.(`  lost on purpose (control.loseNext): the socket is cut`);
        cut = true;
        ws.terminate();
        return;
      }
      deps.dispatch(client, event, deps.reply(client), 'socket');
    });

    registry.send(client, 'socket_connected', { socket_id: client.id });
  };
}
