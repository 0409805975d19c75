/**
 * One handler per client event type (docs/protocol.md §3). A frame naming an unknown (or deleted)
 * conversation gets `general_error 400 Invalid conversation_id`; direct answers go to the asking socket,
 * bot and agent replies to every socket attached to the conversation (see flow.ts).
 */
import type { Conversation, ConversationStore } from './conversations';
import type { Flow } from './flow';
import type { FrameRecord } from './frame-log';
import type { RuntimeOptions } from './options';
import type { ClientSocket, Registry } from './registry';
import type { Responder } from './responder';
import { buildTranscript } from './transcript';
import { userContentToParts } from './user-content';
import { listUserConversations } from './user-conversations';
import { isObject, type Json, str } from './wire';

export type Handler = (client: ClientSocket, payload: Json, record: FrameRecord) => void;

export const INVALID_CONVERSATION = 'Invalid conversation_id';

export function createHandlers(deps: {
  store: ConversationStore;
  registry: Registry;
  responder: Responder;
  flow: Flow;
  options: () => RuntimeOptions;
}): Record<string, Handler> {
  const { store, registry, responder, flow } = deps;

  /** Runs `fn` with the payload's conversation, or answers 400 to the client. */
  const withConversation =
    (fn: (client: ClientSocket, conv: Conversation, payload: Json) => void): Handler =>
    (client, payload) => {
      const id = str(payload.conversation_id);
      const conv = id === undefined ? undefined : store.get(id);
      if (conv) fn(client, conv, payload);
      else responder.error(id ?? '', 400, INVALID_CONVERSATION, {}, client);
    };

  const deleteUser = (client: ClientSocket, userId: string) => {
    for (const id of store.removeUser(userId)) registry.detachAll(id);
    registry.send(client, 'delete_conversation_success', { userId });
  };

  const listConversations: Handler = (client, payload) => {
    const userId = str(payload.userId);
    const conversations = userId === undefined ? [] : store.byUser(userId);
    registry.send(client, 'user_conversations', listUserConversations(conversations, payload));
  };

  return {
    conversation_start(client, payload, record) {
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
      registry.send(client, 'conversation_start_success', { conversation_id: conv.id });
    },
    user_message: withConversation((client, conv, payload) => {
      flow.userMessage(conv, userContentToParts(payload.content), str(payload.client_msg_id), client.baseUrl);
    }),
    metadata: withConversation((client, conv, payload) => {
      if (isObject(payload.metadata)) store.mergeMetadata(conv, payload.metadata);
      registry.send(client, 'metadata_update_success', { conversation_id: conv.id });
    }),
    metadata_request: withConversation((client, conv) => {
      registry.send(client, 'conversation_metadata', { conversation_id: conv.id, content: conv.metadata });
    }),
    action: withConversation((client, conv, payload) => {
      const id = (str(payload.id) ?? str(payload.title) ?? str(payload.action) ?? '').trim();
      store.recordAction(conv, { id, type: str(payload.type) ?? 'normal', data: payload.data ?? {} });
      flow.action(conv, id, client.baseUrl);
    }),
    edit_message: withConversation((client, conv, payload) => {
      const messageId = str(payload.message_id) ?? '';
      store.editMessage(
        conv,
        [messageId, str(payload.client_msg_id) ?? ''],
        userContentToParts(payload.content),
      );
      registry.send(client, 'message_edited_success', { conversation_id: conv.id, message_id: messageId });
    }),
    conversation_transcript_request: withConversation((client, conv) => {
      const { transcriptShape: shape, transcriptClientIds: clientIds } = deps.options();
      registry.send(client, 'conversation_transcript', buildTranscript(conv, { shape, clientIds }));
    }),
    get_user_conversations: listConversations,
    get_user_conversations_v2: listConversations,
    delete_conversation(client, payload, record) {
      const userId = str(payload.userId);
      if (str(payload.conversation_id) === undefined && userId !== undefined)
        return deleteUser(client, userId);
      withConversation((_, conv) => {
        store.remove(conv.id);
        registry.detachAll(conv.id);
        registry.send(client, 'delete_conversation_success', { conversation_id: conv.id });
      })(client, payload, record);
    },
    delete_user_conversations(client, payload) {
      const userId = str(payload.userId);
      if (userId === undefined) responder.error('', 400, 'Missing userId', {}, client);
      else deleteUser(client, userId);
    },
  };
}
