/**
 * Every `out.*` fixture is sent verbatim (its conversation_id replaced by a real one) and gets the
 * documented answer. A fixture added without a case here fails the coverage test.
 */
import { describe, expect, it } from 'vitest';
import type { Hub } from './hub';
import { fixtureNames, loadFixture, TestClient, textOf, trackHubs, withConversation } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Ctx {
  hub: Hub;
  client: TestClient;
  id: string;
}

type Case = (ctx: Ctx) => Promise<void>;

const startCase =
  (fixture: string, expectedMetadata: Json): Case =>
  async ({ hub, client }) => {
    client.sendRaw(loadFixture(fixture));
    const { conversation_id: id } = await client.next('conversation_start_success');
    expect(id).toMatch(UUID);
    const stored = hub.control.conversation(String(id));
    expect(stored?.metadata).toEqual(expectedMetadata);
    expect(stored?.userId).toBe('super-unique-user-id');
    expect(stored?.userBasicInfo).toMatchObject({ firstName: expect.any(String), email: expect.any(String) });
  };

const sendFixture = (name: string, ctx: Ctx) =>
  ctx.client.sendRaw(withConversation(loadFixture(name), ctx.id));

/** Starts three conversations for `user123` (the fixtures' user) on a second socket. */
async function seedUser123(ctx: Ctx): Promise<string[]> {
  const other = await TestClient.connect(ctx.hub.url);
  const ids = [
    await other.start({ userId: 'user123' }),
    await other.start({ userId: 'user123', metadata: { plan: 'pro' } }),
  ];
  other.close();
  return ids;
}

const CASES: Record<string, Case> = {
  'out.conversation_start.json': startCase('out.conversation_start.json', {
    plan: 'pro',
    private: { crmId: '42' },
  }),
  'out.conversation_start.userData.json': startCase('out.conversation_start.userData.json', {}),
  'out.conversation_start.userMetadata.json': startCase('out.conversation_start.userMetadata.json', {}),
  'out.user_message.bot_first.json': async (ctx) => {
    sendFixture('out.user_message.bot_first.json', ctx);
    const greeting = await ctx.client.next('bot_message');
    expect(greeting).toMatchObject({
      type: 'message_create',
      bot: {},
      ch_msg_id: expect.stringMatching(UUID),
    });
    expect((greeting.content as Json[]).map((p) => p.type)).toEqual(['text', 'button']);
    expect(ctx.hub.control.conversation(ctx.id)?.messages.map((m) => m.from)).toEqual(['bot']);
  },
  'out.user_message.json': async (ctx) => {
    sendFixture('out.user_message.json', ctx);
    const reply = await ctx.client.next('bot_message');
    expect(textOf(reply.content)).toContain("I'm the Captivate demo bot");
    expect(ctx.hub.control.conversation(ctx.id)?.messages[0]).toMatchObject({
      from: 'user',
      clientMsgId: '3b0c9a4e-8f43-4c8e-9d0e-2a8c1f7b5e11',
      parts: [{ type: 'text', text: 'hello' }],
    });
  },
  'out.user_message.files.json': async (ctx) => {
    sendFixture('out.user_message.files.json', ctx);
    expect(textOf((await ctx.client.next('bot_message')).content)).toContain('document.pdf');
    const [user] = ctx.hub.control.conversation(ctx.id)?.messages ?? [];
    expect(user?.parts).toEqual([
      { type: 'text', text: "Here's the document you requested" },
      {
        type: 'files',
        files: [expect.objectContaining({ filename: 'document.pdf', type: 'application/pdf' })],
      },
    ]);
  },
  'out.action.json': async (ctx) => {
    sendFixture('out.action.json', ctx);
    expect(textOf((await ctx.client.next('bot_message')).content)).toContain('connect you');
    const update = await ctx.client.next('conversation_update');
    expect(update).toMatchObject({ type: 'livechatAgentConnected', conversation_id: ctx.id });
    expect(ctx.hub.control.conversation(ctx.id)?.actions).toEqual([
      expect.objectContaining({ id: 'escalateToHuman', type: 'normal', data: {} }),
    ]);
  },
  'out.conversation_transcript_request.json': async (ctx) => {
    ctx.client.say(ctx.id, 'help');
    await ctx.client.next('bot_message');
    sendFixture('out.conversation_transcript_request.json', ctx);
    const transcript = await ctx.client.next('conversation_transcript');
    expect(transcript.conversation_id).toBe(ctx.id);
    expect((transcript.messages as Json[]).map((m) => m.from)).toEqual(['user', 'bot']);
  },
  'out.delete_conversation.json': async (ctx) => {
    sendFixture('out.delete_conversation.json', ctx);
    expect(await ctx.client.next('delete_conversation_success')).toEqual({ conversation_id: ctx.id });
    expect(ctx.hub.control.conversation(ctx.id)).toBeUndefined();
  },
  'out.delete_conversation.all.json': async (ctx) => {
    const ids = await seedUser123(ctx);
    sendFixture('out.delete_conversation.all.json', ctx);
    expect(await ctx.client.next('delete_conversation_success')).toEqual({ userId: 'user123' });
    for (const id of ids) expect(ctx.hub.control.conversation(id)).toBeUndefined();
    expect(ctx.hub.control.conversation(ctx.id)).toBeDefined();
  },
  'out.delete_user_conversations.json': async (ctx) => {
    const ids = await seedUser123(ctx);
    sendFixture('out.delete_user_conversations.json', ctx);
    expect(await ctx.client.next('delete_conversation_success')).toEqual({ userId: 'user123' });
    for (const id of ids) expect(ctx.hub.control.conversation(id)).toBeUndefined();
  },
  'out.edit_message.json': async (ctx) => {
    sendFixture('out.edit_message.json', ctx);
    expect(await ctx.client.next('message_edited_success')).toEqual({
      conversation_id: ctx.id,
      message_id: 'messageId123',
    });
  },
  'out.get_user_conversations.json': async (ctx) => {
    const [older, newer] = await seedUser123(ctx);
    sendFixture('out.get_user_conversations.json', ctx);
    const list = await ctx.client.next('user_conversations');
    expect(list.conversations).toEqual([
      { conversation_id: newer, metadata: { plan: 'pro' } },
      { conversation_id: older, metadata: {} },
    ]);
    expect(list.pagination).toEqual({
      hasNextPage: false,
      hasPrevPage: false,
      page: 1,
      pageSize: 10,
      total: 2,
      totalPages: 1,
    });
  },
  'out.get_user_conversations_v2.json': async (ctx) => {
    await seedUser123(ctx);
    sendFixture('out.get_user_conversations_v2.json', ctx);
    const list = await ctx.client.next('user_conversations');
    expect(list.conversations).toHaveLength(2);
    expect(list.pagination).toMatchObject({ page: 1, pageSize: 10, total: 2 });
  },
  'out.metadata.json': async (ctx) => {
    sendFixture('out.metadata.json', ctx);
    expect(await ctx.client.next('metadata_update_success')).toEqual({ conversation_id: ctx.id });
    expect(ctx.hub.control.conversation(ctx.id)?.metadata).toEqual({ sample_metadata: 'Sample metadata' });
  },
  'out.metadata_request.json': async (ctx) => {
    ctx.client.send('metadata', { conversation_id: ctx.id, metadata: { plan: 'pro' } });
    await ctx.client.next('metadata_update_success');
    sendFixture('out.metadata_request.json', ctx);
    expect(await ctx.client.next('conversation_metadata')).toEqual({
      conversation_id: ctx.id,
      content: { plan: 'pro' },
    });
  },
};

describe('out.* fixtures, sent verbatim', () => {
  it('has a case for every out.* fixture', () => {
    expect(Object.keys(CASES).sort()).toEqual(fixtureNames('out.'));
  });

  for (const name of fixtureNames('out.')) {
    it(`${name} gets the documented answer`, async () => {
      const hub = await startHub();
      const client = await TestClient.connect(hub.url);
      const id = await client.start({ userId: 'someone-else' });
      const run = CASES[name];
      if (!run) throw new Error(`no case for ${name}`);
      await run({ hub, client, id });
      client.close();
    });
  }
});
