/**
 * Connected sockets and which conversation each is attached to. A socket is attached to at most one
 * conversation (the last one it started or named); replies for a conversation go to every socket attached
 * to it, and to nobody while none is (the hub does not replay: clients re-read the transcript). A push
 * larger than `maxFrameOut` bytes is not delivered, as the gateway drops it.
 */
import { WebSocket } from 'ws';
import type { Envelope } from './options';
import { buildFrame, type Json } from './wire';

export interface ClientSocket {
  id: string;
  ws: WebSocket;
  /** `http://host:port` as the client reached us: absolute URLs in demo content are built from it. */
  baseUrl: string;
  apiKey: string;
  conversationId: string | null;
}

export interface Registry {
  add(client: ClientSocket): void;
  remove(client: ClientSocket): void;
  all(): ClientSocket[];
  /** The open socket with this `socket_id`. */
  byId(socketId: string): ClientSocket | undefined;
  attach(client: ClientSocket, conversationId: string): void;
  /** Detaches every socket from a (deleted) conversation. */
  detachAll(conversationId: string): void;
  attachedTo(conversationId: string): ClientSocket[];
  send(client: ClientSocket, eventType: string, payload: Json): void;
  /**
   * False when the frame was not delivered (socket not open, or larger than `maxFrameOut` unless
   * `unlimited`: frames a test injects through the control go out as given).
   */
  sendRaw(client: ClientSocket, frame: unknown, unlimited?: boolean): boolean;
  /** True when this push is within `maxFrameOut` bytes. */
  fits(eventType: string, payload: Json): boolean;
  /** Sends to every socket attached to the conversation; returns how many got it. */
  deliver(conversationId: string, eventType: string, payload: Json): number;
  deliverRaw(conversationId: string, frame: unknown, unlimited?: boolean): number;
}

export function createRegistry(deps: {
  envelope: () => Envelope;
  maxFrameOut: () => number;
  log: ((line: string) => void) | null;
  warn: (line: string) => void;
}): Registry {
  const clients = new Map<string, ClientSocket>();

  const sendRaw = (client: ClientSocket, frame: unknown, unlimited = false) => {
    if (client.ws.readyState !== WebSocket.OPEN) return false;
    const text = JSON.stringify(frame);
    const bytes = Buffer.byteLength(text);
    if (!unlimited && bytes > deps.maxFrameOut()) {
      deps.warn(`hub emulator: a ${bytes}-byte push to ${client.id} is over maxFrameOut, not delivered`);
      return false;
    }
    deps.log?.(`→ ${client.id} ${text}`);
    client.ws.send(text);
    return true;
  };
  const attachedTo = (conversationId: string) =>
    [...clients.values()].filter(
      (c) => c.conversationId === conversationId && c.ws.readyState === WebSocket.OPEN,
    );

  return {
    add: (client) => void clients.set(client.id, client),
    remove: (client) => void clients.delete(client.id),
    all: () => [...clients.values()],
    byId(socketId) {
      const client = clients.get(socketId);
      return client?.ws.readyState === WebSocket.OPEN ? client : undefined;
    },
    attach(client, conversationId) {
      client.conversationId = conversationId;
    },
    detachAll(conversationId) {
      for (const c of clients.values()) if (c.conversationId === conversationId) c.conversationId = null;
    },
    attachedTo,
    send: (client, eventType, payload) =>
      void sendRaw(client, buildFrame(eventType, payload, deps.envelope())),
    sendRaw,
    fits: (eventType, payload) =>
      Buffer.byteLength(JSON.stringify(buildFrame(eventType, payload, deps.envelope()))) <=
      deps.maxFrameOut(),
    deliver(conversationId, eventType, payload) {
      const frame = buildFrame(eventType, payload, deps.envelope());
      return attachedTo(conversationId).filter((c) => sendRaw(c, frame)).length;
    },
    deliverRaw(conversationId, frame, unlimited) {
      return attachedTo(conversationId).filter((c) => sendRaw(c, frame, unlimited)).length;
    },
  };
}
