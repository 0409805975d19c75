/**
 * One handler per client event type (docs/protocol.md §3). A frame naming an unknown (or deleted)
 * conversation gets `general_error 400 Invalid conversation_id`; direct answers go through the `Reply`
 * (the asking socket, or the HTTP body), bot and agent replies to every socket attached to the
 * conversation (see flow.ts). Private metadata (`metadata.private`) is never returned.
 */
import { visibleMetadata } from './conversation-model';
import type { Conversation, ConversationStore } from './conversations';
import type { Handler, Reply } from './dispatch';
import type { Flow } from './flow';
import type { RuntimeOptions } from './options';
import type { ClientSocket, Registry } from './registry';
import { buildTranscript } from './transcript';
import { userContentToParts } from './user-content';
import { listUserConversations } from './user-conversations';
import { isObject, type Json, str } from './wire';

export const INVALID_CONVERSATION = 'Invalid conversation_id';

export function createHandlers(deps: {
  store: ConversationStore;
  registry: Registry;
  flow: Flow;
  options: () => RuntimeOptions;
  /** Rolls the answer rates. */
  random: () => number;
}): Record<string, Handler> {
  const { store, registry, flow } = deps;
  const answered = (rate: number) => rate >= 1 || deps.random() < rate;

  /** Runs `fn` with the payload's conversation, or answers 400 to the client. */
  const withConversation =
    (fn: (client: ClientSocket, conv: Conversation, payload: Json, reply: Reply) => void): Handler =>
    (client, payload, _record, reply) => {
      const id = str(payload.conversation_id);
      const conv = id === undefined ? undefined : store.get(id);
      if (conv) fn(client, conv, payload, reply);
      else reply.error(id ?? '', 400, INVALID_CONVERSATION);
    };

  const deleteUser = (reply: Reply, userId: string) => {
    for (const id of store.removeUser(userId)) registry.detachAll(id);
    reply.send('delete_conversation_success', { userId });
  };

  const listConversations: Handler = (_client, payload, _record, reply) => {
    const userId = str(payload.userId);
    const conversations = userId === undefined ? [] : store.byUser(userId);
    reply.send('user_conversations', listUserConversations(conversations, payload));
  };

  return {
    conversation_start(client, payload, record, reply) {
      if (!answered(deps.options().startAnswerRate)) return;
      const metadata: Json = {};
      for (const key of ['userData', 'userMetadata', 'metadata']) {
        if (isObject(payload[key])) Object.assign(metadata, payload[key]);
      }
      const conv = store.create({
        userId: str(payload.userId) ?? null,
        userBasicInfo: isObject(payload.userBasicInfo) ? payload.userBasicInfo : null,
        metadata,
      });
      registry.attach(client, conv.id);
      record.conversationId = conv.id;
      reply.send('conversation_start_success', { conversation_id: conv.id });
    },
    user_message: withConversation((client, conv, payload) => {
      flow.userMessage(conv, userContentToParts(payload.content), str(payload.client_msg_id), client.baseUrl);
    }),
    metadata: withConversation((_client, conv, payload, reply) => {
      if (isObject(payload.metadata)) store.mergeMetadata(conv, payload.metadata);
      reply.send('metadata_update_success', { conversation_id: conv.id });
    }),
    metadata_request: withConversation((_client, conv, _payload, reply) => {
      reply.send('conversation_metadata', {
        conversation_id: conv.id,
        content: visibleMetadata(conv.metadata),
      });
    }),
    action: withConversation((client, conv, payload) => {
      const id = (str(payload.id) ?? str(payload.title) ?? str(payload.action) ?? '').trim();
      store.recordAction(conv, { id, type: str(payload.type) ?? 'normal', data: payload.data ?? {} });
      flow.action(conv, id, client.baseUrl);
    }),
    edit_message: withConversation((_client, conv, payload, reply) => {
      const messageId = str(payload.message_id) ?? '';
      store.editMessage(
        conv,
        [messageId, str(payload.client_msg_id) ?? ''],
        userContentToParts(payload.content),
      );
      reply.send('message_edited_success', { conversation_id: conv.id, message_id: messageId });
    }),
    conversation_transcript_request: withConversation((_client, conv, _payload, reply) => {
      const {
        transcriptShape: shape,
        transcriptClientIds: clientIds,
        transcriptStyle: style,
      } = deps.options();
      if (!answered(deps.options().transcriptAnswerRate)) return;
      reply.send('conversation_transcript', buildTranscript(conv, { shape, clientIds, style }));
    }),
    get_user_conversations: listConversations,
    get_user_conversations_v2: listConversations,
    delete_conversation(client, payload, record, reply) {
      const userId = str(payload.userId);
      if (str(payload.conversation_id) === undefined && userId !== undefined)
        return deleteUser(reply, userId);
      withConversation((_client, conv) => {
        store.remove(conv.id);
        registry.detachAll(conv.id);
        reply.send('delete_conversation_success', { conversation_id: conv.id });
      })(client, payload, record, reply);
    },
    delete_user_conversations(_client, payload, _record, reply) {
      const userId = str(payload.userId);
      if (userId === undefined) reply.error('', 400, 'Missing userId');
      else deleteUser(reply, userId);
    },
  };
}
