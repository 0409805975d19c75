/**
 * `conversation_transcript` payloads in the two documented shapes (docs/protocol.md §5), modelled on the
 * fixtures `in.conversation_transcript.example.json` (`messages`) and `.template.json` (`transcript`).
 * The bot-first empty message is never stored, so it never appears here.
 */
import type { Conversation, StoredMessage } from './conversations';
import type { TranscriptShape } from './options';
import { type Json, newEventId } from './wire';

export const CHANNEL_NAME = 'Emulator custom channel';
export const CHATBOT_NAME = 'Captivate demo bot';

export interface TranscriptOptions {
  shape: TranscriptShape;
  /** Add `client_msg_id` to user entries (not part of either documented shape). */
  clientIds: boolean;
}

function clientId(message: StoredMessage, options: TranscriptOptions): Json {
  return options.clientIds && message.clientMsgId ? { client_msg_id: message.clientMsgId } : {};
}

/** `messages:[{from, messages:[parts] | {idChat, messages, actions}, actions?, chatbotName, channelName}]` */
function messagesEntry(conv: Conversation, message: StoredMessage, options: TranscriptOptions): Json {
  const names = { channelName: CHANNEL_NAME, chatbotName: CHATBOT_NAME };
  if (message.from === 'user')
    return { from: 'user', messages: message.parts, ...names, ...clientId(message, options) };
  const actions = message.actions ?? [];
  return {
    from: message.from === 'bot' ? 'bot' : 'agent ',
    messages: { idChat: conv.id, messages: message.parts, actions },
    ...(actions.length > 0 ? { actions } : {}),
    ...names,
  };
}

/** One `transcript[].messages[]` entry: `{actions, files, from, channelName, chatbotName|livechatName, messages}` */
function templateEntry(conv: Conversation, message: StoredMessage, options: TranscriptOptions): Json {
  const base = { actions: message.actions ?? [], files: [] as unknown[], channelName: CHANNEL_NAME };
  switch (message.from) {
    case 'user':
      return { ...base, from: 'user', messages: message.parts, ...clientId(message, options) };
    case 'bot':
      return { ...base, from: 'chatbot', chatbotName: CHATBOT_NAME, messages: message.parts };
    default:
      return { ...base, from: 'livechat', livechatName: conv.agent.name ?? 'Agent', messages: message.parts };
  }
}

/** Groups entries by turn: a new group starts at each user message. */
function templateGroups(conv: Conversation, options: TranscriptOptions): Json[] {
  const groups: { event_id: string; messages: Json[] }[] = [];
  for (const message of conv.messages) {
    const last = groups[groups.length - 1];
    if (!last || message.from === 'user') groups.push({ event_id: newEventId(), messages: [] });
    groups[groups.length - 1]?.messages.push(templateEntry(conv, message, options));
  }
  return groups;
}

export function buildTranscript(conv: Conversation, options: TranscriptOptions): Json {
  if (options.shape === 'transcript') {
    return { conversation_id: conv.id, transcript: templateGroups(conv, options) };
  }
  return { conversation_id: conv.id, messages: conv.messages.map((m) => messagesEntry(conv, m, options)) };
}
