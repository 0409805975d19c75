/**
 * Test helpers (not a test file): start hubs in-process on port 0 and stop them after each test, a
 * real `ws` client that queues frames and waits for the next one of a type, and fixture loading.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { createHub, type Hub, type HubOptions } from './hub';
import { isObject, type Json } from './wire';

export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures/captivate');

export const fixtureNames = (prefix: string): string[] =>
  readdirSync(FIXTURES_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .sort();

export const loadFixture = (name: string): Json =>
  JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), 'utf8')) as Json;

/** Registers an afterEach that closes every hub started through the returned function. */
export function trackHubs(): (options?: HubOptions) => Promise<Hub> {
  const hubs: Hub[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close()));
  });
  return async (options = {}) => {
    const hub = await createHub({ port: 0, replyDelayMs: 0, agentDelayMs: 0, log: () => {}, ...options });
    hubs.push(hub);
    return hub;
  };
}

/** Registers an afterEach that removes every directory made through the returned function. */
export function trackTempDirs(prefix = 'hub-data-'): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

export interface Received {
  eventType: string;
  payload: Json;
  frame: Json;
}

export class TestClient {
  readonly received: Received[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  /** The `socket_id` of `socket_connected` (set by connect()). */
  socketId = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Json;
      const event = isObject(frame.event) ? frame.event : frame;
      this.received.push({
        eventType: String(event.event_type),
        payload: event.event_payload as Json,
        frame,
      });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.on('error', () => {});
  }

  /** Opens a socket (`query` defaults to `?apiKey=test-key`); does not wait for socket_connected. */
  static open(url: string, query = '?apiKey=test-key'): TestClient {
    return new TestClient(new WebSocket(`${url}/${query}`));
  }

  /** Opens a socket and waits for `socket_connected`. */
  static async connect(url: string, query?: string): Promise<TestClient> {
    const client = TestClient.open(url, query);
    client.socketId = String((await client.next('socket_connected')).socket_id);
    return client;
  }

  /** Waits for (and consumes) the first frame of this type matching `where`. */
  async next(
    eventType: string,
    where: (payload: Json) => boolean = () => true,
    timeoutMs = 4000,
  ): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((r) => r.eventType === eventType && where(r.payload));
      if (index >= 0) return this.received.splice(index, 1)[0]!.payload;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.received.map((r) => r.eventType).join(', ');
        throw new Error(`timed out waiting for ${eventType} (unconsumed: ${seen || 'none'})`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends `{action:'sendMessage', event:{event_type, event_payload}}`. */
  send(eventType: string, payload: Json): void {
    this.ws.send(
      JSON.stringify({ action: 'sendMessage', event: { event_type: eventType, event_payload: payload } }),
    );
  }

  sendRaw(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Starts a conversation and returns its id. */
  async start(payload: Json = { userId: 'user-1' }): Promise<string> {
    this.send('conversation_start', payload);
    return String((await this.next('conversation_start_success')).conversation_id);
  }

  /** Sends a text user_message. */
  say(
    conversationId: string,
    text: string,
    clientMsgId = `c-${Math.random().toString(36).slice(2)}`,
  ): string {
    this.send('user_message', {
      type: 'message_create',
      client_msg_id: clientMsgId,
      conversation_id: conversationId,
      content: { type: 'text', text },
    });
    return clientMsgId;
  }

  close(): void {
    this.ws.close();
  }
}

/** POSTs a client event the way the vendor's client does (docs/protocol.md §7); the socket gets the pushes. */
export async function postEvent(
  hub: Hub,
  eventType: string,
  payload: Json,
  { socketId, apiKey = 'test-key' }: { socketId: string | null; apiKey?: string | null },
): Promise<{ status: number; type: string; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    origin: 'https://site.example',
  };
  if (apiKey !== null) headers['x-api-key'] = apiKey;
  const res = await fetch(`${hub.httpUrl}/api/custom-channel/sockets/message`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      action: 'sendMessage',
      event: { event_type: eventType, event_payload: payload, ...(socketId ? { socket_id: socketId } : {}) },
    }),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, type, body, headers: res.headers };
}

/** The text parts of a content array, joined. */
export const textOf = (content: unknown): string =>
  (Array.isArray(content) ? content : [])
    .map((p) => (typeof p === 'string' ? p : isObject(p) && typeof p.text === 'string' ? p.text : ''))
    .join('\n');

/** A fixture with its conversation_id (if any) replaced by `conversationId`. */
export function withConversation(fixture: Json, conversationId: string): Json {
  const copy = structuredClone(fixture);
  const event = isObject(copy.event) ? copy.event : copy;
  const payload = event.event_payload;
  if (isObject(payload) && 'conversation_id' in payload) payload.conversation_id = conversationId;
  return copy;
}
