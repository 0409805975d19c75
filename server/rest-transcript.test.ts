import { describe, expect, it } from 'vitest';
import type { Hub } from './hub';
import { TestClient, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();

const getTranscript = async (hub: Hub, id: string, apiKey: string | null = 'test-key') => {
  const res = await fetch(`${hub.httpUrl}/api/transcript?conversation_id=${encodeURIComponent(id)}`, {
    headers: { ...(apiKey ? { 'x-api-key': apiKey } : {}), origin: 'https://site.example' },
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
};

const file = {
  filename: 'a.pdf',
  type: 'application/pdf',
  storage: { fileKey: 'uploads/a.pdf', presignedUrl: 'http://x/files/a.pdf?sig=1', expiresIn: 1_900_000_000 },
};

/** A greeting, a message with a file, "hello", then the agent with her two messages. */
async function converse(hub: Hub) {
  const client = await TestClient.connect(hub.url);
  const id = await client.start();
  client.say(id, '');
  await client.next('bot_message');
  client.send('user_message', {
    type: 'message_create',
    client_msg_id: 'c-file',
    conversation_id: id,
    content: { type: 'text', text: '  see attached  ', files: [file] },
  });
  await client.next('bot_message');
  client.say(id, 'agent', 'c-agent');
  await client.next('conversation_update');
  await client.next('livechat_message');
  await client.next('livechat_message');
  return { client, id };
}

describe('GET /api/transcript', () => {
  it('serves the verbatim transcript in the shape the vendor client reads', async () => {
    const hub = await startHub();
    const { id } = await converse(hub);
    const { status, body, headers } = await getTranscript(hub, id);
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('https://site.example');
    expect(body.conversation_id).toBe(id);
    const entries = body.transcript as Json[];
    expect(entries.map((e) => e.from)).toEqual(['bot', 'user', 'bot', 'user', 'bot', 'agent', 'agent']);
    const stored = hub.control.conversation(id)!.messages;
    expect(entries.map((e) => e.id)).toEqual(stored.map((m) => m.id));
    expect(entries[1]).toEqual({
      id: stored[1]!.id,
      from: 'user',
      text: '  see attached  ',
      files: [file],
      client_msg_id: 'c-file',
      content: { type: 'text', text: '  see attached  ', files: [file] },
      created_at: new Date(stored[1]!.at).toISOString(),
    });
    expect(entries[0]?.content).toEqual(stored[0]?.parts);
    expect(entries[5]).toMatchObject({
      from: 'agent',
      livechatName: 'Dana',
      text: expect.stringMatching(/^Hi, I'm Dana/),
    });
  });

  it('serves a normalised transcript that does not mirror the live frames', async () => {
    const hub = await startHub({ transcriptStyle: 'normalised' });
    const { id } = await converse(hub);
    const entries = (await getTranscript(hub, id)).body.transcript as Json[];
    expect(entries.map((e) => e.from)).toEqual(['bot', 'user', 'bot', 'user', 'bot', 'agent', 'agent']);
    const stored = hub.control.conversation(id)!.messages;
    expect(entries[1]).toEqual({
      message_id: stored[1]!.id,
      from: 'user',
      text: 'see attached',
      files: [file],
      client_msg_id: 'c-file',
      timestamp: stored[1]!.at,
    });
    for (const entry of entries) {
      expect(entry.message_id).toEqual(expect.any(String));
      expect(entry).not.toHaveProperty('id');
    }
  });

  it('merges consecutive bot messages in the normalised style', async () => {
    const hub = await startHub({ transcriptStyle: 'normalised' });
    const { conversationId } = hub.control.seed({
      messages: [
        { from: 'user', content: [{ type: 'text', text: 'q' }] },
        { from: 'bot', content: [{ type: 'text', text: ' one ' }] },
        { from: 'bot', content: [{ type: 'text', text: 'two' }] },
      ],
    })!;
    const entries = (await getTranscript(hub, conversationId)).body.transcript as Json[];
    expect(entries.map((e) => [e.from, e.text])).toEqual([
      ['user', 'q'],
      ['bot', 'one\ntwo'],
    ]);
  });

  it('requires a key, names unknown conversations, and needs conversation_id', async () => {
    const hub = await startHub({ keys: ['good'] });
    const { conversationId } = hub.control.seed({ count: 2 })!;
    expect((await getTranscript(hub, conversationId, null)).status).toBe(401);
    expect((await getTranscript(hub, conversationId, 'bad')).status).toBe(401);
    expect((await getTranscript(hub, conversationId, 'good')).status).toBe(200);
    const unknown = await getTranscript(hub, 'nope', 'good');
    expect([unknown.status, unknown.body]).toEqual([404, { message: 'Conversation not found' }]);
    const res = await fetch(`${hub.httpUrl}/api/transcript`, { headers: { 'x-api-key': 'good' } });
    expect(res.status).toBe(400);
  });
});
