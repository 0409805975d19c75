import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Hub } from './hub';
import { loadFixture, TestClient, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();

const post = async (hub: Hub, path: string, body: unknown = {}) => {
  const res = await fetch(`${hub.httpUrl}/__control/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-control-token': hub.controlToken },
    body: JSON.stringify(body),
  });
  return [res.status, await res.json()] as [number, Json];
};
const get = async (hub: Hub, path: string) => {
  const res = await fetch(`${hub.httpUrl}/__control/${path}`, {
    headers: { 'x-control-token': hub.controlToken },
  });
  return [res.status, await res.json()] as [number, unknown];
};

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
const upgradeStatus = (url: string) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(`${url}/?apiKey=k`);
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', () => {});
  });

describe('control over HTTP', () => {
  it('pushes wrapped events and verbatim frames to a conversation or to everyone', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    const bystander = await TestClient.connect(hub.url);

    const [status, answer] = await post(hub, 'push', {
      conversationId: id,
      frame: {
        event_type: 'conversation_update',
        event_payload: { type: 'livechatAgentConnected', data: {} },
      },
    });
    expect([status, answer]).toEqual([200, { delivered: 1 }]);
    const pushed = client.received.length > 0 ? client.received[0] : undefined;
    await client.next('conversation_update');
    expect(pushed?.frame).toMatchObject({
      action: 'receiveMessage',
      event: { event_id: expect.any(String) },
    });

    const verbatim = loadFixture('in.bot_message.nested.json');
    await post(hub, 'push', { conversationId: id, frame: verbatim });
    await client.next('bot_message');
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    const raw = await new Promise<string>((resolve) => {
      client.ws.once('message', (d) => resolve(d.toString()));
      void post(hub, 'push', { frame: verbatim });
    });
    expect(JSON.parse(raw)).toEqual(verbatim);
    await bystander.next('bot_message');
    expect((await post(hub, 'push', { conversationId: id }))[0]).toBe(400);
    client.close();
    bystander.close();
  });

  it('drops every socket without a close frame', async () => {
    const hub = await startHub();
    const a = await TestClient.connect(hub.url);
    const b = await TestClient.connect(hub.url);
    expect(await post(hub, 'drop')).toEqual([200, { dropped: 2 }]);
    expect((await a.closed).code).toBe(1006);
    expect((await b.closed).code).toBe(1006);
  });

  it('refuses upgrades with 503 for the given time', async () => {
    const hub = await startHub();
    expect(await post(hub, 'refuse', { ms: 300 })).toEqual([200, { refusing: true, ms: 300 }]);
    expect(await upgradeStatus(hub.url)).toBe(503);
    expect((await fetch(`${hub.httpUrl}/healthz`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 350));
    expect(await upgradeStatus(hub.url)).toBe(101);
    await post(hub, 'refuse', { ms: 10_000 });
    await post(hub, 'refuse', { ms: 0 });
    expect(await upgradeStatus(hub.url)).toBe(101);
  });

  it('lists received frames (filtered), conversations and resets the log', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const one = await client.start({ userId: 'u1', metadata: { a: 1 } });
    const two = await client.start({ userId: 'u2' });
    client.say(one, 'help', 'cid-1');
    await client.next('bot_message');

    const [, all] = await get(hub, 'frames');
    expect((all as Json[]).map((f) => f.eventType)).toEqual([
      'conversation_start',
      'conversation_start',
      'user_message',
    ]);
    const [, filtered] = await get(hub, `frames?conversationId=${one}&type=user_message`);
    expect(filtered).toEqual([
      {
        at: expect.any(Number),
        socketId: expect.any(String),
        conversationId: one,
        eventType: 'user_message',
        payload: expect.objectContaining({ client_msg_id: 'cid-1' }),
        via: 'socket',
      },
    ]);
    const [, starts] = await get(hub, `frames?conversationId=${two}`);
    expect((starts as Json[]).map((f) => f.eventType)).toEqual(['conversation_start']);

    // the user_message naming `one` re-attached the socket to it
    const [, conversations] = await get(hub, 'conversations');
    expect(conversations).toEqual([
      expect.objectContaining({ conversationId: two, userId: 'u2', messageCount: 0, attachedSockets: 0 }),
      expect.objectContaining({
        conversationId: one,
        userId: 'u1',
        metadata: { a: 1 },
        messageCount: 2,
        attachedSockets: 1,
      }),
    ]);
    const [status, detail] = await get(hub, `conversations/${one}`);
    expect(status).toBe(200);
    expect((detail as Json).messages).toHaveLength(2);

    expect(await post(hub, 'reset')).toEqual([200, { ok: true }]);
    expect((await get(hub, 'frames'))[1]).toEqual([]);
    expect((await get(hub, 'stats'))[1]).toEqual({ received: 0, invalid: 0, unknown: 0, sockets: 1 });
    client.close();
  });

  it('changes run-time options and rejects invalid ones', async () => {
    const hub = await startHub();
    const [status, options] = await post(hub, 'options', {
      agentFailureRate: 1,
      transcriptShape: 'transcript',
      replyDelayMs: 5,
      nestedErrors: true,
    });
    expect(status).toBe(200);
    expect(options).toMatchObject({
      agentFailureRate: 1,
      transcriptShape: 'transcript',
      replyDelayMs: 5,
      nestedErrors: true,
    });
    expect(hub.control.options()).toEqual(options);
    expect((await post(hub, 'options', { agentFailureRate: 2 }))[0]).toBe(400);
    expect((await post(hub, 'options', { bogus: 1 }))[1]).toEqual({ error: 'unknown option bogus' });
    expect((await get(hub, 'options'))[1]).toEqual(options);
    expect((await get(hub, 'nothing'))[0]).toBe(404);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it.skipIf(!external)('answers control requests only from loopback', async () => {
    const hub = await startHub({ host: '0.0.0.0' });
    const res = await fetch(`http://${external}:${hub.port}/__control/conversations`);
    expect(res.status).toBe(403);
    expect((await fetch(`http://${external}:${hub.port}/healthz`)).status).toBe(200);
    expect((await get(hub, 'conversations'))[0]).toBe(200);
  });
});

describe('control in-process', () => {
  it('exposes the same operations as methods', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    expect(hub.control.push(id, { event_type: 'action', event_payload: { actions: [] } })).toBe(1);
    await client.next('action');
    expect(hub.control.frames({ conversationId: id }).map((f) => f.eventType)).toEqual([
      'conversation_start',
    ]);
    hub.control.refuse(1000);
    expect(hub.control.isRefusing()).toBe(true);
    hub.control.refuse(0);
    expect(hub.control.conversations().map((c) => c.conversationId)).toEqual([id]);
    expect(hub.control.drop()).toBe(1);
    expect((await client.closed).code).toBe(1006);
  });
});

describe('injected faults', () => {
  it('loseNext loses the next frame of a type with its socket: not logged, not stored', async () => {
    const hub = await startHub({ replyDelayMs: 0 });
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    hub.control.loseNext('user_message');
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    client.say(id, 'lost in transit');
    expect(await closed).toBe(1006);
    expect(hub.control.frames({ type: 'user_message' })).toHaveLength(0);
    expect(hub.control.conversation(id)?.messages).toEqual([]);
    // Only the next one: a reconnecting client gets through.
    const again = await TestClient.connect(hub.url);
    again.say(id, 'second try');
    await again.next('bot_message');
    expect(hub.control.frames({ type: 'user_message' })).toHaveLength(1);
    again.close();
  });

  it('loseNext also loses what followed on the cut socket, even frames already read from it', async () => {
    const hub = await startHub({ replyDelayMs: 0 });
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    hub.control.loseNext('user_message');
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    // Written together: the hub reads them from one chunk, after the cut.
    client.say(id, 'lost in transit');
    client.say(id, 'behind it on the same socket');
    await closed;
    expect(hub.control.frames({ type: 'user_message' })).toHaveLength(0);
    expect(hub.control.conversation(id)?.messages).toEqual([]);
  });
});
