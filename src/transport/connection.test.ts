import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createHub, type Hub } from '../../server/hub';
import { conversationStart, type InboundFrame, userMessage } from '../protocol';
import { type Connection, type ConnectionStatus, createConnection } from './connection';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function startHub(): Promise<Hub> {
  const hub = await createHub({ port: 0, replyDelayMs: 0 });
  cleanup.push(() => hub.close());
  return hub;
}

function connect(url: string, extra: Partial<Parameters<typeof createConnection>[0]> = {}) {
  const frames: InboundFrame[] = [];
  const statuses: ConnectionStatus[] = [];
  let readyCount = 0;
  const connection: Connection = createConnection({
    url,
    apiKey: 'test-key',
    WebSocket,
    minDelayMs: 20,
    maxDelayMs: 100,
    onFrame: (f) => frames.push(f),
    onStatus: (s) => statuses.push(s),
    onReady: () => {
      readyCount++;
    },
    ...extra,
  });
  cleanup.push(() => connection.close());
  return { connection, frames, statuses, ready: () => readyCount };
}

const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('createConnection against the hub emulator', () => {
  it('is ready only after socket_connected, then sends and receives', async () => {
    const hub = await startHub();
    const c = connect(hub.url);
    expect(c.connection.ready).toBe(false);
    expect(c.connection.send(conversationStart())).toBe('not_ready');
    await until(() => c.ready() === 1);
    expect(c.connection.status.state).toBe('connected');
    expect(c.connection.send(conversationStart())).toBe('sent');
    await until(() => c.frames.some((f) => f.type === 'conversation_start_success'));
  });

  it('reconnects after the hub drops every socket, reporting reconnecting then connected', async () => {
    const hub = await startHub();
    const c = connect(hub.url);
    await until(() => c.ready() === 1);
    hub.control.drop();
    await until(() => c.ready() === 2);
    const states = c.statuses.map((s) => s.state);
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('connected');
    const reconnecting = c.statuses.find((s) => s.state === 'reconnecting' && (s.retryInMs ?? 0) > 0);
    expect(reconnecting?.retryInMs).toBeGreaterThanOrEqual(10);
  });

  it('refuses a frame over 32 KB without sending it', async () => {
    const hub = await startHub();
    const c = connect(hub.url);
    await until(() => c.ready() === 1);
    const big = userMessage({ conversationId: 'c', clientMsgId: 'id', text: 'x'.repeat(33_000) });
    expect(c.connection.send(big)).toBe('too_large');
    expect(hub.control.frames({ type: 'user_message' })).toHaveLength(0);
    expect(c.connection.ready).toBe(true);
  });

  it('gives up after maxRetries with status failed, and retry() starts over', async () => {
    const hub = await startHub();
    hub.control.refuse(60_000);
    const c = connect(hub.url, { maxRetries: 2 });
    await until(() => c.connection.status.state === 'failed');
    expect(c.statuses.filter((s) => s.state === 'reconnecting' && (s.retryInMs ?? 0) > 0)).toHaveLength(2);
    hub.control.refuse(0);
    c.connection.retry();
    await until(() => c.ready() === 1);
  });

  it('times out a handshake that never completes and tries again', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    let connections = 0;
    server.on('connection', () => {
      connections++;
    });
    cleanup.push(() => new Promise<void>((done) => server.close(() => done())));
    await new Promise((r) => server.once('listening', r));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const c = connect(url, { handshakeTimeoutMs: 100 });
    await until(() => connections >= 2);
    expect(c.ready()).toBe(0);
    expect(c.statuses.map((s) => s.state)).toContain('reconnecting');
  });

  it('sends the keepalive frame on its interval while connected', async () => {
    const hub = await startHub();
    let built = 0;
    const c = connect(hub.url, {
      keepaliveMs: 50,
      keepaliveFrame: () => {
        built++;
        return conversationStart();
      },
    });
    await until(() => c.ready() === 1);
    await until(() => built >= 2);
    await until(() => hub.control.frames({ type: 'conversation_start' }).length >= 2);
  });
});

describe('a frame too long to read in the task that received it', () => {
  const transcript = (count: number) => ({
    event_type: 'conversation_transcript',
    event_payload: {
      conversation_id: 'c1',
      messages: Array.from({ length: count }, (_, i) => ({
        from: 'bot',
        messages: [{ type: 'text', text: `Entry ${i} ${'x'.repeat(400)}` }],
      })),
    },
  });
  const bot = { event_type: 'bot_message', event_payload: { conversation_id: 'c1', content: 'After it' } };

  async function setup() {
    const hub = await startHub();
    const tasks: Array<() => void> = [];
    const c = connect(hub.url, { nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)) });
    await until(() => c.ready() === 1);
    hub.control.push(null, transcript(400));
    hub.control.push(null, bot);
    await until(() => tasks.length === 1);
    // The frame after it reached the socket too.
    await new Promise((r) => setTimeout(r, 100));
    return { c, tasks };
  }

  it('is parsed in a later task and decoded in the one after, with the frames after it kept behind it', async () => {
    const { c, tasks } = await setup();
    expect(c.frames).toEqual([]);
    tasks.shift()!();
    await until(() => tasks.length === 1);
    expect(c.frames).toEqual([]);
    tasks.shift()!();
    await until(() => c.frames.length === 2);
    expect(c.frames.map((f) => f.type)).toEqual(['conversation_transcript', 'bot_message']);
    expect(c.frames[0]).toMatchObject({ entries: { length: 400 } });
  });

  it('holds nothing back when its handler throws: the frames behind it still go on', async () => {
    const hub = await startHub();
    const tasks: Array<() => void> = [];
    const seen: string[] = [];
    const c = connect(hub.url, {
      nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)),
      onFrame: (frame) => {
        seen.push(frame.type);
        if (frame.type === 'conversation_transcript') throw new Error('a listener bug');
      },
    });
    await until(() => c.ready() === 1);
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      hub.control.push(null, transcript(400));
      hub.control.push(null, bot);
      await until(() => tasks.length === 1);
      tasks.shift()!();
      await until(() => tasks.length === 1);
      tasks.shift()!();
      await until(() => seen.length === 2);
      expect(seen).toEqual(['conversation_transcript', 'bot_message']);
      await until(() => failures.length === 1);
      expect(String(failures[0])).toContain('a listener bug');
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('is dropped, with the frames behind it, when the connection closes meanwhile', async () => {
    const { c, tasks } = await setup();
    c.connection.close();
    tasks.shift()!();
    await until(() => tasks.length === 1);
    tasks.shift()!();
    await new Promise((r) => setTimeout(r, 50));
    expect(c.frames).toEqual([]);
  });
});
