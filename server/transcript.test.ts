import { describe, expect, it } from 'vitest';
import type { Hub } from './hub';
import { TestClient, textOf, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();

/** bot-first greeting, "help", a file, then the agent and one agent reply. */
async function converse(hub: Hub) {
  const client = await TestClient.connect(hub.url);
  const id = await client.start();
  client.say(id, '');
  await client.next('bot_message');
  client.say(id, 'help', 'client-1');
  await client.next('bot_message');
  client.send('user_message', {
    type: 'message_create',
    client_msg_id: 'client-2',
    conversation_id: id,
    content: {
      text: 'see attached',
      files: [{ filename: 'a.pdf', type: 'application/pdf', url: 'https://x/a.pdf' }],
    },
  });
  await client.next('bot_message');
  client.say(id, 'agent', 'client-3');
  await client.next('bot_message');
  await client.next('conversation_update');
  await client.next('livechat_message');
  await client.next('livechat_message');
  return { client, id };
}

async function transcriptOf(client: TestClient, id: string): Promise<Json> {
  client.send('conversation_transcript_request', { conversation_id: id });
  return client.next('conversation_transcript');
}

describe('conversation_transcript', () => {
  it('uses the `messages` shape by default, everything in order, without the bot-first message', async () => {
    const hub = await startHub();
    const { client, id } = await converse(hub);
    const t = await transcriptOf(client, id);
    expect(Object.keys(t).sort()).toEqual(['conversation_id', 'messages']);
    const entries = t.messages as Json[];
    expect(entries.map((e) => e.from)).toEqual([
      'bot',
      'user',
      'bot',
      'user',
      'bot',
      'user',
      'bot',
      'agent ',
      'agent ',
    ]);
    expect(entries[1]).toEqual({
      from: 'user',
      messages: [{ type: 'text', text: 'help' }],
      channelName: expect.any(String),
      chatbotName: expect.any(String),
    });
    expect(entries[3]?.messages).toEqual([
      { type: 'text', text: 'see attached' },
      { type: 'files', files: [{ filename: 'a.pdf', type: 'application/pdf', url: 'https://x/a.pdf' }] },
    ]);
    expect(entries[2]?.messages).toEqual({ idChat: id, messages: expect.any(Array), actions: [] });
    const escalation = entries[6] as Json;
    expect(escalation.actions).toEqual([{ type: 'normal', title: 'escalateToHuman' }]);
    expect((escalation.messages as Json).actions).toEqual([{ type: 'normal', title: 'escalateToHuman' }]);
    expect(textOf((entries[7]!.messages as Json).messages)).toMatch(/^Hi, I'm Dana/);
    expect(JSON.stringify(t)).not.toContain('client_msg_id');
    client.close();
  });

  it('uses the `transcript` shape when asked, grouped by turn', async () => {
    const hub = await startHub({ transcriptShape: 'transcript' });
    const { client, id } = await converse(hub);
    const t = await transcriptOf(client, id);
    expect(Object.keys(t).sort()).toEqual(['conversation_id', 'transcript']);
    const groups = t.transcript as { event_id: string; messages: Json[] }[];
    expect(groups.map((g) => g.messages.map((m) => m.from))).toEqual([
      ['chatbot'],
      ['user', 'chatbot'],
      ['user', 'chatbot'],
      ['user', 'chatbot', 'livechat', 'livechat'],
    ]);
    for (const g of groups) expect(g.event_id).toBeTypeOf('string');
    const [user, bot] = groups[1]?.messages ?? [];
    expect(user).toEqual({
      actions: [],
      files: [],
      from: 'user',
      channelName: expect.any(String),
      messages: [{ type: 'text', text: 'help' }],
    });
    expect(bot).toMatchObject({
      from: 'chatbot',
      chatbotName: expect.any(String),
      messages: expect.any(Array),
    });
    expect(groups[3]?.messages[2]).toMatchObject({ from: 'livechat', livechatName: 'Dana' });
    client.close();
  });

  it('switches shape at run time and can include client_msg_id on user entries', async () => {
    const hub = await startHub();
    const { client, id } = await converse(hub);
    hub.control.setOptions({ transcriptShape: 'transcript', transcriptClientIds: true });
    const t = await transcriptOf(client, id);
    const users = (t.transcript as { messages: Json[] }[])
      .flatMap((g) => g.messages)
      .filter((m) => m.from === 'user');
    expect(users.map((u) => u.client_msg_id)).toEqual(['client-1', 'client-2', 'client-3']);
    hub.control.setOptions({ transcriptShape: 'messages' });
    const m = await transcriptOf(client, id);
    expect((m.messages as Json[]).filter((e) => e.from === 'user').map((u) => u.client_msg_id)).toEqual([
      'client-1',
      'client-2',
      'client-3',
    ]);
    client.close();
  });

  it('is empty for a new conversation', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    expect(await transcriptOf(client, id)).toEqual({ conversation_id: id, messages: [] });
    client.close();
  });
});
