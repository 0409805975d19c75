import { describe, expect, it } from 'vitest';
import { TestClient, textOf, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();

async function session(options = {}) {
  const hub = await startHub(options);
  const client = await TestClient.connect(hub.url);
  return { hub, client };
}

describe('user_conversations', () => {
  it('lists a user’s conversations newest first with pagination (page/limit as strings)', async () => {
    const { client } = await session();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await client.start({ userId: 'pager', metadata: { n: i } }));
    await client.start({ userId: 'someone-else' });
    const newestFirst = [...ids].reverse();

    client.send('get_user_conversations_v2', { userId: 'pager', pagination: { page: '2', limit: '5' } });
    const page2 = await client.next('user_conversations');
    expect((page2.conversations as Json[]).map((c) => c.conversation_id)).toEqual(newestFirst.slice(5, 10));
    expect(page2.pagination).toEqual({
      hasNextPage: true,
      hasPrevPage: true,
      page: 2,
      pageSize: 5,
      total: 12,
      totalPages: 3,
    });

    client.send('get_user_conversations', { userId: 'pager' });
    const first = await client.next('user_conversations');
    expect((first.conversations as Json[]).map((c) => c.conversation_id)).toEqual(newestFirst.slice(0, 10));
    expect((first.conversations as Json[])[0]).toEqual({ conversation_id: ids[11], metadata: { n: 11 } });
    expect(first.pagination).toMatchObject({ page: 1, pageSize: 10, hasNextPage: true, hasPrevPage: false });

    client.send('get_user_conversations_v2', { userId: 'pager', pagination: { page: 'x', limit: -3 } });
    expect((await client.next('user_conversations')).pagination).toMatchObject({ page: 1, pageSize: 10 });

    client.send('get_user_conversations_v2', { userId: 'nobody' });
    expect(await client.next('user_conversations')).toEqual({
      conversations: [],
      pagination: { hasNextPage: false, hasPrevPage: false, page: 1, pageSize: 10, total: 0, totalPages: 0 },
    });
    client.close();
  });

  it('applies a string search and an object filter simply', async () => {
    const { client } = await session();
    const pro = await client.start({ userId: 'u', metadata: { plan: 'pro' } });
    const free = await client.start({ userId: 'u', metadata: { plan: 'free' } });
    client.say(free, 'a message about invoices');
    await client.next('bot_message');

    client.send('get_user_conversations_v2', { userId: 'u', filter: { plan: 'pro' } });
    expect((await client.next('user_conversations')).conversations).toEqual([
      { conversation_id: pro, metadata: { plan: 'pro' } },
    ]);
    client.send('get_user_conversations_v2', { userId: 'u', search: 'INVOICES' });
    expect(
      ((await client.next('user_conversations')).conversations as Json[]).map((c) => c.conversation_id),
    ).toEqual([free]);
    client.send('get_user_conversations_v2', { userId: 'u', search: { mode: 'fred' } });
    expect((await client.next('user_conversations')).conversations).toHaveLength(2);
    client.close();
  });
});

describe('deleting', () => {
  it('deletes one conversation; its id then gets the 400 error and leaves the list', async () => {
    const { client } = await session();
    const keep = await client.start({ userId: 'd' });
    const gone = await client.start({ userId: 'd' });
    client.send('delete_conversation', { conversation_id: gone });
    expect(await client.next('delete_conversation_success')).toEqual({ conversation_id: gone });
    client.say(gone, 'hello?');
    expect(await client.next('general_error')).toEqual({
      conversation_id: gone,
      error_code: 400,
      error_desc: 'Invalid conversation_id',
    });
    client.send('delete_conversation', { conversation_id: gone });
    expect((await client.next('general_error')).error_code).toBe(400);
    client.send('get_user_conversations', { userId: 'd' });
    expect(
      ((await client.next('user_conversations')).conversations as Json[]).map((c) => c.conversation_id),
    ).toEqual([keep]);
    client.close();
  });

  it('deletes all of a user with delete_conversation {userId} and delete_user_conversations', async () => {
    const { hub, client } = await session();
    const a = await client.start({ userId: 'all' });
    await client.start({ userId: 'all' });
    const other = await client.start({ userId: 'other' });
    client.send('delete_conversation', { userId: 'all' });
    expect(await client.next('delete_conversation_success')).toEqual({ userId: 'all' });
    expect(hub.control.conversations().map((c) => c.conversationId)).toEqual([other]);
    client.send('metadata_request', { conversation_id: a });
    expect((await client.next('general_error')).conversation_id).toBe(a);

    client.send('delete_user_conversations', { userId: 'other', softdelete: true });
    expect(await client.next('delete_conversation_success')).toEqual({ userId: 'other' });
    expect(hub.control.conversations()).toEqual([]);
    client.close();
  });

  it('drops pending replies of a deleted conversation', async () => {
    const { hub, client } = await session({ replyDelayMs: 100 });
    const id = await client.start();
    client.say(id, 'help');
    client.send('delete_conversation', { conversation_id: id });
    await client.next('delete_conversation_success');
    await hub.control.idle();
    expect(client.received).toEqual([]);
    client.close();
  });
});

describe('metadata and edits', () => {
  it('merges metadata and returns it on metadata_request', async () => {
    const { client } = await session();
    const id = await client.start({ userId: 'm', userData: { a: 1 }, metadata: { plan: 'pro' } });
    client.send('metadata', {
      conversation_id: id,
      client_msg_id: 'x',
      target: 'bot',
      metadata: { plan: 'team', b: 2 },
    });
    expect(await client.next('metadata_update_success')).toEqual({ conversation_id: id });
    client.send('metadata_request', { conversation_id: id });
    expect(await client.next('conversation_metadata')).toEqual({
      conversation_id: id,
      content: { a: 1, plan: 'team', b: 2 },
    });
    client.close();
  });

  it('edits a stored user message by client_msg_id or message id', async () => {
    const { hub, client } = await session();
    const id = await client.start();
    client.say(id, 'original', 'client-1');
    await client.next('bot_message');
    const edit = (messageId: string, text: string) =>
      client.send('edit_message', {
        type: 'message_create',
        client_msg_id: 'edit-1',
        conversation_id: id,
        message_id: messageId,
        content: { type: 'text', text },
      });
    edit('client-1', 'edited once');
    expect(await client.next('message_edited_success')).toEqual({
      conversation_id: id,
      message_id: 'client-1',
    });
    const hubId = hub.control.conversation(id)?.messages[0]?.id ?? '';
    edit(hubId, 'edited twice');
    await client.next('message_edited_success');
    client.send('conversation_transcript_request', { conversation_id: id });
    const t = await client.next('conversation_transcript');
    expect(textOf((t.messages as Json[])[0]?.messages)).toBe('edited twice');
    expect(hub.control.conversation(id)?.messages[0]?.editedAt).toBeTypeOf('number');
    client.close();
  });
});

describe('unknown conversations', () => {
  const EVENTS = [
    'user_message',
    'metadata',
    'metadata_request',
    'action',
    'edit_message',
    'conversation_transcript_request',
  ];

  it.each(EVENTS)('%s with an unknown conversation_id gets general_error 400', async (eventType) => {
    const { hub, client } = await session();
    client.send(eventType, { conversation_id: 'no-such-conversation', content: { type: 'text', text: 'x' } });
    expect(await client.next('general_error')).toEqual({
      conversation_id: 'no-such-conversation',
      error_code: 400,
      error_desc: 'Invalid conversation_id',
    });
    expect(hub.control.frames({ type: eventType })).toHaveLength(1);
    client.close();
  });

  it('sends the nested form with --nested-errors', async () => {
    const { client } = await session({ nestedErrors: true });
    client.say('gone', 'x');
    expect(await client.next('conversation_update')).toEqual({
      event_type: 'general_error',
      event_payload: { conversation_id: 'gone', error_code: '400', error_desc: 'Invalid conversation_id' },
      event_id: expect.any(String),
    });
    client.close();
  });
});
