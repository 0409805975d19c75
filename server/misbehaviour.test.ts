import { describe, expect, it } from 'vitest';
import { UNANSWERED_HOLD_MS } from './http-api';
import { postEvent, TestClient, trackHubs } from './test-helpers';

const startHub = trackHubs();

/** A random source that plays `values` in turn. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};

/** A probe the hub always answers: once its answer arrived, every earlier frame was handled. */
async function settle(client: TestClient, conversationId: string) {
  client.send('metadata_request', { conversation_id: conversationId });
  await client.next('conversation_metadata');
}

describe('startAnswerRate', () => {
  it('ignores conversation_start as often as the roll says, over the socket and over HTTP', async () => {
    const hub = await startHub({ startAnswerRate: 0.5, random: sequence(0.7, 0.2, 0.9) });
    const client = await TestClient.connect(hub.url);
    client.send('conversation_start', { userId: 'u' }); // 0.7: ignored
    client.send('conversation_start', { userId: 'u' }); // 0.2: answered
    const id = String((await client.next('conversation_start_success')).conversation_id);
    await postEvent(hub, 'conversation_start', { userId: 'u' }, { socketId: client.socketId }); // 0.9: ignored
    await settle(client, id);
    expect(client.received).toEqual([]);
    expect(hub.control.conversations().map((c) => c.conversationId)).toEqual([id]);
    hub.control.setOptions({ startAnswerRate: 1 });
    await client.start();
  });
});

describe('transcriptAnswerRate', () => {
  it('silently ignores socket transcript requests it does not answer', async () => {
    const hub = await startHub({ transcriptAnswerRate: 0 });
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    client.send('conversation_transcript_request', { conversation_id: id });
    await settle(client, id);
    expect(client.received).toEqual([]);
    hub.control.setOptions({ transcriptAnswerRate: 1 });
    client.send('conversation_transcript_request', { conversation_id: id });
    await client.next('conversation_transcript');
  });

  it('holds an unanswered REST transcript, then answers 503', async () => {
    const hub = await startHub({ transcriptAnswerRate: 0.5, random: sequence(0.6, 0.1) });
    const { conversationId } = hub.control.seed({ count: 2 })!;
    const url = `${hub.httpUrl}/api/transcript?conversation_id=${conversationId}`;
    const started = Date.now();
    const held = await fetch(url, { headers: { 'x-api-key': 'k' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(UNANSWERED_HOLD_MS - 50);
    expect([held.status, await held.json()]).toEqual([503, { message: 'Service Unavailable' }]);
    const answered = await fetch(url, { headers: { 'x-api-key': 'k' } });
    expect(answered.status).toBe(200);
  });
});

describe('control.push of raw frames', () => {
  it('sends gateway frames without event_type verbatim, to one conversation or to every socket', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    const gateway = { message: 'Internal server error', connectionId: 'c', requestId: 'r' };
    expect(hub.control.push(null, gateway)).toBe(1);
    expect(hub.control.push(id, { message: 'Forbidden' })).toBe(1);
    await settle(client, id);
    expect(client.received.map((r) => r.frame)).toEqual([gateway, { message: 'Forbidden' }]);
  });

  it('sends frames naming another conversation to the sockets of the one given', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const mine = await client.start();
    const other = hub.control.seed({ count: 1 })!.conversationId;
    hub.control.push(mine, {
      event_type: 'livechat_message',
      event_payload: {
        type: 'message_create',
        conversation_id: other,
        content: [{ type: 'text', text: 'x' }],
      },
    });
    expect((await client.next('livechat_message')).conversation_id).toBe(other);
  });
});
