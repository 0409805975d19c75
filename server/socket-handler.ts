/**
 * One WebSocket connection from the hub's side: API key check (close 4001/4003), `socket_connected`,
 * gateway realism (idle timeout and maximum age; frames over 32 KB close with 1009 through ws's
 * `maxPayload`), then every frame is parsed, logged, (re)attaches the socket to the conversation it
 * names, and goes to its handler. Bad frames are counted and ignored, never thrown.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { ConversationStore } from './conversations';
import type { Handler } from './event-handlers';
import type { Faults } from './faults';
import type { FrameLog } from './frame-log';
import { baseUrlOf } from './http-util';
import { isKeyAccepted } from './options';
import type { ClientSocket, Registry } from './registry';
import { KNOWN_EVENTS, newSocketId, parseInbound, str } from './wire';

export const CLOSE_MISSING_KEY = { code: 4001, reason: 'Missing apiKey query parameter' } as const;
export const CLOSE_REFUSED_KEY = { code: 4003, reason: 'API key not accepted' } as const;
export const CLOSE_IDLE = { code: 1001, reason: 'Idle timeout' } as const;
export const CLOSE_MAX_AGE = { code: 1001, reason: 'Maximum connection age reached' } as const;

export interface SocketHandlerDeps {
  registry: Registry;
  store: ConversationStore;
  frameLog: FrameLog;
  faults: Faults;
  handlers: Record<string, Handler>;
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
  const { registry, store, frameLog, handlers, log } = deps;

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

    ws.on('message', (data, isBinary) => {
      armIdle();
      const raw = isBinary ? null : data.toString();
      log?.(`← ${client.id} ${raw ?? `<binary ${Buffer.isBuffer(data) ? data.length : '?'} bytes>`}`);
      const event = raw === null ? null : parseInbound(raw);
      if (!event) {
        frameLog.countInvalid();
        log?.(`  ignored: not a JSON event frame`);
        return;
      }
      if (deps.faults.take(event.eventType)) {
        log?.(`  lost on purpose (control.loseNext): the socket is cut`);
        ws.terminate();
        return;
      }
      const named = str(event.payload.conversation_id);
      if (named !== undefined && store.get(named)) registry.attach(client, named);
      const record = frameLog.record({
        socketId: client.id,
        conversationId: named ?? client.conversationId,
        eventType: event.eventType,
        payload: event.payload,
      });
      const handler = KNOWN_EVENTS.has(event.eventType) ? handlers[event.eventType] : undefined;
      if (!handler) {
        frameLog.countUnknown();
        log?.(`  ignored: unknown event_type ${event.eventType}`);
        return;
      }
      try {
        handler(client, event.payload, record);
      } catch (error) {
        deps.warn(`handler ${event.eventType} failed: ${(error as Error).stack ?? String(error)}`);
      }
    });

    registry.send(client, 'socket_connected', { socket_id: client.id });
  };
}
