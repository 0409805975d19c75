import { describe, expect, it } from 'vitest';
import {
  fixtureNames,
  loadFixture,
  postEvent,
  TestClient,
  trackHubs,
  withConversation,
} from './test-helpers';
import { isObject, type Json } from './wire';

const startHub = trackHubs();

describe('POST /api/custom-channel/sockets/message', () => {
  it('requires an accepted x-api-key (401 without one or with a refused one)', async () => {
    const hub = await startHub({ keys: ['good'] });
    const client = await TestClient.connect(hub.url, '?apiKey=good');
    const start = { userId: 'u' };
    const none = await postEvent(hub, 'conversation_start', start, {
      socketId: client.socketId,
      apiKey: null,
    });
    expect([none.status, none.body]).toEqual([401, { message: 'Unauthorized' }]);
    const bad = await postEvent(hub, 'conversation_start', start, {
      socketId: client.socketId,
      apiKey: 'bad',
    });
    expect(bad.status).toBe(401);
    expect(hub.control.conversations()).toEqual([]);
    const good = await postEvent(hub, 'conversation_start', start, {
      socketId: client.socketId,
      apiKey: 'good',
    });
    expect([good.status, good.type, good.body]).toEqual([200, 'text/plain; charset=utf-8', 'OK']);
    await client.next('conversation_start_success');
  });

  it('answers 400 with a message for a missing, unknown or closed socket_id, and for a body that is no event', async () => {
    const hub = await startHub();
    const missing = await postEvent(hub, 'conversation_start', {}, { socketId: null });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ message: expect.stringContaining('socket_id') });
    const unknown = await postEvent(hub, 'conversation_start', {}, { socketId: 'nope' });
    expect([unknown.status, unknown.body]).toEqual([400, { message: 'No open socket nope' }]);
    const client = await TestClient.connect(hub.url);
    client.close();
    await client.closed;
    const closed = await postEvent(hub, 'conversation_start', {}, { socketId: client.socketId });
    expect(closed.status).toBe(400);
    const junk = await fetch(`${hub.httpUrl}/api/custom-channel/sockets/message`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: '{"hello":',
    });
    expect(junk.status).toBe(400);
    expect(hub.control.conversations()).toEqual([]);
  });

  it('pushes start, bot replies, agent updates and transcripts to the socket named by socket_id', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const via = { socketId: client.socketId };
    expect((await postEvent(hub, 'conversation_start', { userId: 'u' }, via)).body).toBe('OK');
    const id = String((await client.next('conversation_start_success')).conversation_id);
    const say = {
      type: 'message_create',
      conversation_id: id,
      client_msg_id: 'c1',
      content: { type: 'text', text: 'help' },
    };
    expect((await postEvent(hub, 'user_message', say, via)).body).toBe('OK');
    expect((await client.next('bot_message')).content).toEqual(expect.any(Array));
    await postEvent(hub, 'action', { type: 'normal', id: 'escalateToHuman', conversation_id: id }, via);
    expect((await client.next('conversation_update')).type).toBe('livechatAgentConnected');
    await postEvent(hub, 'conversation_transcript_request', { conversation_id: id }, via);
    const transcript = await client.next('conversation_transcript');
    expect((transcript.messages as Json[]).map((m) => m.from)).toEqual([
      'user',
      'bot',
      'bot',
      'agent ',
      'agent ',
    ]);
    expect(hub.control.frames({ type: 'user_message' }).map((f) => f.via)).toEqual(['http']);
    expect(hub.control.frames({ via: 'socket' })).toEqual([]);
    const res = await fetch(`${hub.httpUrl}/__control/frames?via=http&type=action`, {
      headers: { 'x-control-token': hub.controlToken },
    });
    expect(((await res.json()) as Json[]).map((f) => f.eventType)).toEqual(['action']);
  });

  it('answers requests that have an answer in the body, with the caller origin allowed', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const via = { socketId: client.socketId };
    const id = await client.start({ userId: 'u', metadata: { page: 'home', private: { crm: 42 } } });
    await client.start({ userId: 'u' });

    const set = await postEvent(hub, 'metadata', { conversation_id: id, metadata: { plan: 'pro' } }, via);
    expect([set.status, set.body]).toEqual([200, { success: true, conversation_id: id }]);
    expect(set.headers.get('access-control-allow-origin')).toBe('https://site.example');
    await postEvent(hub, 'metadata', { conversation_id: id, metadata: { private: { crm: 43 } } }, via);
    const meta = await postEvent(hub, 'metadata_request', { conversation_id: id }, via);
    expect(meta.body).toEqual({ conversation_id: id, metadata: { page: 'home', plan: 'pro' } });
    expect(hub.control.conversation(id)?.metadata.private).toEqual({ crm: 43 });

    const plain = await postEvent(hub, 'get_user_conversations', { userId: 'u' }, via);
    expect((plain.body as Json).conversations).toHaveLength(2);
    expect(JSON.stringify(plain.body)).not.toContain('crm');
    const search = await postEvent(hub, 'get_user_conversations_v2', { userId: 'u', search: '43' }, via);
    expect((search.body as Json).conversations).toEqual([]);
    const paged = await postEvent(
      hub,
      'get_user_conversations_v2',
      { userId: 'u', pagination: { page: '2', limit: '1' } },
      via,
    );
    expect(paged.body).toEqual({
      conversations: [{ conversation_id: id, metadata: expect.objectContaining({ plan: 'pro' }) }],
      pagination: { hasNextPage: false, hasPrevPage: true, page: 2, pageSize: 1, total: 2, totalPages: 2 },
    });

    client.say(id, 'first', 'c-1');
    await client.next('bot_message');
    const edit = await postEvent(
      hub,
      'edit_message',
      { conversation_id: id, message_id: 'c-1', content: { type: 'text', text: 'edited' } },
      via,
    );
    expect(edit.body).toEqual({ success: true, conversation_id: id, message_id: 'c-1' });
    expect(hub.control.conversation(id)?.messages[0]?.parts).toEqual([{ type: 'text', text: 'edited' }]);

    const gone = await postEvent(hub, 'delete_conversation', { conversation_id: id, softdelete: true }, via);
    expect(gone.body).toEqual({ success: true, conversation_id: id, softdelete: true });
    const unknown = await postEvent(hub, 'metadata_request', { conversation_id: id }, via);
    expect([unknown.status, unknown.body]).toEqual([
      400,
      { message: 'Invalid conversation_id', conversation_id: id },
    ]);
    const all = await postEvent(hub, 'delete_user_conversations', { userId: 'u', softdelete: false }, via);
    expect(all.body).toEqual({ success: true, userId: 'u', softdelete: false });
    expect(hub.control.conversations()).toEqual([]);
    // nothing of these answers went to the socket
    expect(client.received.map((r) => r.eventType)).toEqual([]);
  });

  it('pushes errors of pushed events to the socket and answers OK', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const res = await postEvent(
      hub,
      'user_message',
      { conversation_id: 'nope', content: 'hi' },
      { socketId: client.socketId },
    );
    expect(res.body).toBe('OK');
    expect(await client.next('general_error')).toMatchObject({
      error_code: 400,
      error_desc: 'Invalid conversation_id',
    });
  });
});

describe('accept-sends', () => {
  it('answers socket sends as a gateway answers an unrouted frame when only HTTP sends are taken', async () => {
    const hub = await startHub({ acceptSends: 'http' });
    const client = await TestClient.connect(hub.url);
    client.send('conversation_start', { userId: 'u' });
    await new Promise((resolve) => client.ws.once('message', resolve));
    const frame = client.received.at(-1)?.frame;
    expect(frame).toEqual({
      message: 'Forbidden',
      connectionId: client.socketId,
      requestId: expect.any(String),
    });
    expect(hub.control.conversations()).toEqual([]);
    expect(hub.control.frames()).toEqual([]);
    // pushes still arrive, and HTTP sends work
    expect(hub.control.push(null, { event_type: 'bot_message', event_payload: { content: [] } })).toBe(1);
    await client.next('bot_message');
    await postEvent(hub, 'conversation_start', { userId: 'u' }, { socketId: client.socketId });
    await client.next('conversation_start_success');
  });

  it('has no HTTP side (404 Not Found) when only socket sends are taken, switchable at run time', async () => {
    const hub = await startHub({ acceptSends: 'socket' });
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    const res = await postEvent(
      hub,
      'metadata_request',
      { conversation_id: id },
      { socketId: client.socketId },
    );
    expect([res.status, res.body]).toEqual([404, { message: 'Not Found' }]);
    const rest = await fetch(`${hub.httpUrl}/api/transcript?conversation_id=${id}`, {
      headers: { 'x-api-key': 'k' },
    });
    expect([rest.status, await rest.json()]).toEqual([404, { message: 'Not Found' }]);
    hub.control.setOptions({ acceptSends: 'both' });
    expect(
      (await postEvent(hub, 'metadata_request', { conversation_id: id }, { socketId: client.socketId }))
        .status,
    ).toBe(200);
    expect(() => hub.control.setOptions({ acceptSends: 'pigeon' as 'both' })).toThrow(/acceptSends/);
  });
});

describe('faults on HTTP sends', () => {
  it('loseNext: the request is cut before it is handled; loseNextAnswer: handled, then cut', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    const say = (text: string) => ({
      type: 'message_create',
      conversation_id: id,
      client_msg_id: text,
      content: { type: 'text', text },
    });
    hub.control.loseNext('user_message');
    await expect(
      postEvent(hub, 'user_message', say('lost'), { socketId: client.socketId }),
    ).rejects.toThrow();
    hub.control.loseNextAnswer('user_message');
    await expect(
      postEvent(hub, 'user_message', say('unanswered'), { socketId: client.socketId }),
    ).rejects.toThrow();
    await client.next('bot_message');
    expect(
      hub.control
        .conversation(id)
        ?.messages.filter((m) => m.from === 'user')
        .map((m) => m.clientMsgId),
    ).toEqual(['unanswered']);
    expect((await postEvent(hub, 'user_message', say('next'), { socketId: client.socketId })).body).toBe(
      'OK',
    );
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });

  it('can be injected over /__control/lose', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const lose = (body: unknown) =>
      fetch(`${hub.httpUrl}/__control/lose`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-control-token': hub.controlToken },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    expect(await lose({ eventType: 'conversation_start', answer: true })).toBe(200);
    expect(await lose({ eventType: 'x', count: 0 })).toBe(400);
    await expect(postEvent(hub, 'conversation_start', {}, { socketId: client.socketId })).rejects.toThrow();
    await client.next('conversation_start_success');
  });
});

describe('every out.* fixture over HTTP', () => {
  it.each(fixtureNames('out.'))('%s is taken and answered 200', async (name) => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const id = await client.start({ userId: 'user123' });
    hub.control.reset();
    const frame = withConversation(loadFixture(name), id);
    const event = (isObject(frame.event) ? frame.event : frame) as Json;
    const res = await fetch(`${hub.httpUrl}/api/custom-channel/sockets/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
      body: JSON.stringify({ action: 'sendMessage', event: { ...event, socket_id: client.socketId } }),
    });
    expect(res.status).toBe(200);
    expect(hub.control.frames({ type: String(event.event_type) }).map((f) => f.via)).toEqual(['http']);
  });
});
