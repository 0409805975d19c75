import { describe, expect, it } from 'vitest';
import { TestClient, textOf, trackHubs } from './test-helpers';

const startHub = trackHubs();

describe('connecting', () => {
  it('listens on 127.0.0.1 and greets each socket with socket_connected', async () => {
    const hub = await startHub();
    expect(hub.url).toBe(`ws://127.0.0.1:${hub.port}`);
    expect(hub.httpUrl).toBe(`http://127.0.0.1:${hub.port}`);
    const client = TestClient.open(hub.url);
    const payload = await client.next('socket_connected');
    expect(payload.socket_id).toBeTypeOf('string');
    expect(hub.control.stats().sockets).toBe(1);
    client.close();
  });

  it('wraps frames with event_id and accepts_response_payload:false', async () => {
    const hub = await startHub();
    const client = TestClient.open(hub.url, '?apikey=lowercase-works');
    const raw = await new Promise<string>((resolve) =>
      client.ws.once('message', (d) => resolve(d.toString())),
    );
    const frame = JSON.parse(raw);
    expect(frame.action).toBe('receiveMessage');
    expect(frame.event.event_type).toBe('socket_connected');
    expect(frame.event.event_payload.socket_id).toMatch(/^[A-Za-z0-9+/=]{8,}$/);
    expect(frame.event.event_id).toMatch(/^[A-Za-z0-9+/=]{8,}$/);
    expect(frame.event.accepts_response_payload).toBe(false);
    client.close();
  });

  it('sends bare events with --envelope bare', async () => {
    const hub = await startHub({ envelope: 'bare' });
    const client = TestClient.open(hub.url);
    const frame = JSON.parse(
      await new Promise<string>((r) => client.ws.once('message', (d) => r(d.toString()))),
    );
    expect(frame.action).toBeUndefined();
    expect(frame.event_type).toBe('socket_connected');
    expect(frame.event_id).toBeTypeOf('string');
    client.close();
  });

  it('closes with 4001 without an API key and 4003 with a refused one', async () => {
    const hub = await startHub({ keys: ['good'] });
    expect(await TestClient.open(hub.url, '').closed).toEqual({
      code: 4001,
      reason: 'Missing apiKey query parameter',
    });
    expect(await TestClient.open(hub.url, '?apiKey=').closed).toEqual({
      code: 4001,
      reason: 'Missing apiKey query parameter',
    });
    expect(await TestClient.open(hub.url, '?apiKey=bad').closed).toEqual({
      code: 4003,
      reason: 'API key not accepted',
    });
    const ok = await TestClient.connect(hub.url, '?apiKey=good');
    ok.close();
  });

  it('accepts the key on any path, as in the vendor URL /dev?apiKey=', async () => {
    const hub = await startHub();
    const client = TestClient.open(`${hub.url}/dev`, '?apiKey=k');
    await client.next('socket_connected');
    client.close();
  });
});

describe('gateway realism', () => {
  it('closes with 1009 when a frame is over 32 KB, and accepts 32 KB exactly', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    client.sendRaw('x'.repeat(32 * 1024));
    client.sendRaw(JSON.stringify({ event_type: 'get_user_conversations', event_payload: { userId: 'u' } }));
    await client.next('user_conversations');
    client.sendRaw('x'.repeat(32 * 1024 + 1));
    expect((await client.closed).code).toBe(1009);
  });

  it('ignores and counts non-JSON and unknown frames without closing', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    client.sendRaw('not json');
    client.sendRaw('[1,2]');
    client.sendRaw('{"event":{"no_type":true}}');
    client.send('no_such_event', {});
    const conversationId = await client.start();
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(hub.control.stats()).toMatchObject({ invalid: 3, unknown: 1, sockets: 1 });
    expect(hub.control.frames({ type: 'no_such_event' })).toHaveLength(1);
    client.close();
  });

  it('closes a socket that sent nothing for idleTimeoutMs, and activity postpones it', async () => {
    const hub = await startHub({ idleTimeoutMs: 300 });
    const client = await TestClient.connect(hub.url);
    const openedAt = Date.now();
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 150));
      client.send('get_user_conversations', { userId: 'u' });
    }
    const closed = await client.closed;
    expect(closed).toEqual({ code: 1001, reason: 'Idle timeout' });
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(700);
  });

  it('does not answer protocol pings (keepalive must be an event)', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    let ponged = false;
    client.ws.on('pong', () => {
      ponged = true;
    });
    client.ws.ping();
    await new Promise((r) => setTimeout(r, 150));
    expect(ponged).toBe(false);
    client.close();
  });

  it('closes sockets at the maximum connection age', async () => {
    const hub = await startHub({ maxConnectionAgeMs: 100 });
    const client = await TestClient.connect(hub.url);
    expect(await client.closed).toEqual({ code: 1001, reason: 'Maximum connection age reached' });
  });
});

describe('attachment and resuming', () => {
  it('delivers replies to every attached socket; a frame naming the conversation reattaches a new socket', async () => {
    const hub = await startHub();
    const first = await TestClient.connect(hub.url);
    const id = await first.start();
    first.close();
    await first.closed;

    const second = await TestClient.connect(hub.url);
    second.send('metadata_request', { conversation_id: id });
    await second.next('conversation_metadata');
    const third = await TestClient.connect(hub.url);
    third.send('metadata_request', { conversation_id: id });
    await third.next('conversation_metadata');

    second.say(id, 'help');
    expect(textOf((await second.next('bot_message')).content)).toContain('keywords');
    expect(textOf((await third.next('bot_message')).content)).toContain('keywords');
    second.close();
    third.close();
  });

  it('stores but does not deliver replies while no socket is attached', async () => {
    const hub = await startHub({ replyDelayMs: 100 });
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    client.say(id, 'help');
    client.close();
    await client.closed;
    await hub.control.idle();
    expect(hub.control.conversation(id)?.messages.map((m) => m.from)).toEqual(['user', 'bot']);

    const again = await TestClient.connect(hub.url);
    again.send('conversation_transcript_request', { conversation_id: id });
    const transcript = await again.next('conversation_transcript');
    expect(transcript.messages).toHaveLength(2);
    expect(again.received.filter((r) => r.eventType === 'bot_message')).toHaveLength(0);
    again.close();
  });
});
