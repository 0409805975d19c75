/**
 * Connected sockets and which conversation each is attached to. A socket is attached to at most one
 * conversation (the last one it started or named); replies for a conversation go to every socket attached
 * to it, and to nobody while none is (the hub does not replay: clients re-read the transcript).
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
  attach(client: ClientSocket, conversationId: string): void;
  /** Detaches every socket from a (deleted) conversation. */
  detachAll(conversationId: string): void;
  attachedTo(conversationId: string): ClientSocket[];
  send(client: ClientSocket, eventType: string, payload: Json): void;
  sendRaw(client: ClientSocket, frame: unknown): void;
  /** Sends to every socket attached to the conversation; returns how many got it. */
  deliver(conversationId: string, eventType: string, payload: Json): number;
  deliverRaw(conversationId: string, frame: unknown): number;
}

export function createRegistry(deps: {
  envelope: () => Envelope;
  log: ((line: string) => void) | null;
}): Registry {
  const clients = new Set<ClientSocket>();

  const sendRaw = (client: ClientSocket, frame: unknown) => {
    if (client.ws.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(frame);
    deps.log?.(`→ ${client.id} ${text}`);
    client.ws.send(text);
  };
  const attachedTo = (conversationId: string) =>
    [...clients].filter((c) => c.conversationId === conversationId && c.ws.readyState === WebSocket.OPEN);

  return {
    add: (client) => void clients.add(client),
    remove: (client) => void clients.delete(client),
    all: () => [...clients],
    attach(client, conversationId) {
      client.conversationId = conversationId;
    },
    detachAll(conversationId) {
      for (const c of clients) if (c.conversationId === conversationId) c.conversationId = null;
    },
    attachedTo,
    send: (client, eventType, payload) => sendRaw(client, buildFrame(eventType, payload, deps.envelope())),
    sendRaw,
    deliver(conversationId, eventType, payload) {
      const targets = attachedTo(conversationId);
      for (const c of targets) sendRaw(c, buildFrame(eventType, payload, deps.envelope()));
      return targets.length;
    },
    deliverRaw(conversationId, frame) {
      const targets = attachedTo(conversationId);
      for (const c of targets) sendRaw(c, frame);
      return targets.length;
    },
  };
}
