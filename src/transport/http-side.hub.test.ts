/** The HTTP side, the socket and the send-mode rule together, against the hub emulator. */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHub, type Hub, type HubOptions } from '../../server/hub';
import { conversationStart, type InboundFrame, metadata, metadataRequest, userMessage } from '../protocol';
import { type Connection, createConnection } from './connection';
import { createHttpSide } from './http-side';
import { initialSendMode, noteSendOutcome, socketEvidence } from './send-mode';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function setUp(options: HubOptions = {}) {
  const hub: Hub = await createHub({ port: 0, replyDelayMs: 0, ...options });
  cleanup.push(() => hub.close());
  const frames: InboundFrame[] = [];
  let socketId: string | undefined;
  const connection: Connection = createConnection({
    url: hub.url,
    apiKey: 'test-key',
    WebSocket,
    onFrame: (f) => frames.push(f),
    onStatus: () => {},
    onReady: (id) => {
      socketId = id;
    },
  });
  cleanup.push(() => connection.close());
  await until(() => socketId !== undefined);
  const http = createHttpSide({ httpUrl: hub.httpUrl, apiKey: 'test-key', online: () => true });
  cleanup.push(() => http.close());
  return { hub, frames, connection, http, socketId: () => socketId };
}

async function start(s: Awaited<ReturnType<typeof setUp>>): Promise<string> {
  expect(await s.http.send(conversationStart(), s.socketId())).toMatchObject({ kind: 'delivered' });
  await until(() => s.frames.some((f) => f.type === 'conversation_start_success'));
  const started = s.frames.find((f) => f.type === 'conversation_start_success');
  return started?.type === 'conversation_start_success' ? started.conversationId : '';
}

describe('the HTTP side against the hub emulator', () => {
  it('sends over HTTP while replies arrive on the socket; answers and transcripts decode as the socket ones', async () => {
    const s = await setUp({ acceptSends: 'http' });
    const conversationId = await start(s);
    const hello = userMessage({
      conversationId,
      clientMsgId: 'c0ffee00-0000-4000-8000-000000000001',
      text: 'hello',
    });
    expect(await s.http.send(hello, s.socketId())).toMatchObject({
      kind: 'delivered',
      reply: { kind: 'none' },
    });
    await until(() => s.frames.some((f) => f.type === 'bot_message'));

    await s.http.send(metadata({ conversationId, metadata: { plan: 'pro' } }), s.socketId());
    expect(await s.http.send(metadataRequest(conversationId), s.socketId())).toMatchObject({
      kind: 'delivered',
      reply: { kind: 'frame', frame: { type: 'conversation_metadata', metadata: { plan: 'pro' } } },
    });

    const transcript = await s.http.transcript(conversationId);
    if (transcript.kind !== 'transcript' || !transcript.result.ok)
      throw new Error(JSON.stringify(transcript));
    const frame = transcript.result.frame;
    if (frame.type !== 'conversation_transcript') throw new Error('not a transcript');
    expect(frame.conversationId).toBe(conversationId);
    expect(frame.entries[0]).toMatchObject({ sender: 'user', parts: [{ kind: 'text', text: 'hello' }] });
    expect(frame.entries.some((e) => e.sender === 'bot')).toBe(true);
  });

  it('a hub that takes only socket sends has no HTTP side, and auto moves to the socket', async () => {
    const s = await setUp({ acceptSends: 'socket' });
    const outcome = await s.http.send(conversationStart(), s.socketId());
    expect(outcome).toMatchObject({ kind: 'no-http-side', status: 404 });
    const mode = noteSendOutcome(initialSendMode('auto', true), { via: 'http', outcome: outcome.kind });
    expect(mode.way).toBe('socket');
    expect(s.connection.send(conversationStart())).toBe('sent');
    await until(() => s.frames.some((f) => f.type === 'conversation_start_success'));
  });

  it('a hub that takes only HTTP sends refuses socket frames as a gateway does; auto goes back to HTTP', async () => {
    const s = await setUp({ acceptSends: 'http' });
    // A first HTTP attempt that never reached the hub (a port nobody listens on) moves auto to the socket …
    const gone = await createHub({ port: 0 });
    await gone.close();
    const unreachable = createHttpSide({ httpUrl: gone.httpUrl, apiKey: 'test-key', online: () => true });
    const first = await unreachable.send(conversationStart(), s.socketId());
    let mode = noteSendOutcome(initialSendMode('auto', true), { via: 'http', outcome: first.kind });
    expect(mode).toMatchObject({ way: 'socket', reason: 'http-refused' });
    // … where the gateway refuses the frame, which sends auto back to HTTP, and there it is delivered.
    expect(s.connection.send(conversationStart())).toBe('sent');
    await until(() => s.frames.some((f) => f.type === 'gateway_error'));
    const evidence = s.frames.map(socketEvidence).find((e) => e !== undefined);
    mode = noteSendOutcome(mode, evidence!);
    expect(mode).toMatchObject({ way: 'http', reason: 'socket-refused' });
    expect(await s.http.send(conversationStart(), s.socketId())).toMatchObject({ kind: 'delivered' });
    await until(() => s.frames.some((f) => f.type === 'conversation_start_success'));
    expect(s.frames.filter((f) => f.type === 'conversation_start_success')).toHaveLength(1);
  });

  it('an unknown socket id is stale, and a wrong key unauthorized', async () => {
    const s = await setUp({ keys: ['test-key'] });
    expect(await s.http.send(conversationStart(), 'no-such-socket')).toMatchObject({ kind: 'stale-socket' });
    const wrong = createHttpSide({ httpUrl: s.hub.httpUrl, apiKey: 'wrong', online: () => true });
    expect(await wrong.send(conversationStart(), s.socketId())).toMatchObject({
      kind: 'unauthorized',
      status: 401,
    });
  });
});
