/**
 * `conversation_transcript` payloads in the two documented shapes (docs/protocol.md §5), modelled on the
 * fixtures `in.conversation_transcript.example.json` (`messages`) and `.template.json` (`transcript`),
 * in either style (transcript-items.ts): normalised entries also carry `message_id` and their `files`.
 * The bot-first empty message is never stored, so it never appears here.
 */
import type { Conversation } from './conversations';
import type { TranscriptShape, TranscriptStyle } from './options';
import { type TranscriptItem, transcriptItems } from './transcript-items';
import { type Json, newEventId } from './wire';

export const CHANNEL_NAME = 'Emulator custom channel';
export const CHATBOT_NAME = 'Captivate demo bot';

export interface TranscriptOptions {
  shape: TranscriptShape;
  /** Add `client_msg_id` to user entries (not part of either documented shape). */
  clientIds: boolean;
  style?: TranscriptStyle;
}

function extras(item: TranscriptItem, options: TranscriptOptions): Json {
  const normalised = options.style === 'normalised';
  return {
    ...(options.clientIds && item.clientMsgId ? { client_msg_id: item.clientMsgId } : {}),
    ...(normalised ? { message_id: item.id } : {}),
    ...(normalised && item.files.length > 0 ? { files: item.files } : {}),
  };
}

/** `messages:[{from, messages:[parts] | {idChat, messages, actions}, actions?, chatbotName, channelName}]` */
function messagesEntry(conv: Conversation, item: TranscriptItem, options: TranscriptOptions): Json {
  const names = { channelName: CHANNEL_NAME, chatbotName: CHATBOT_NAME };
  if (item.from === 'user') return { from: 'user', messages: item.parts, ...names, ...extras(item, options) };
  const actions = item.actions ?? [];
  return {
    from: item.from === 'bot' ? 'bot' : 'agent ',
    messages: { idChat: conv.id, messages: item.parts, actions },
    ...(actions.length > 0 ? { actions } : {}),
    ...names,
    ...extras(item, options),
  };
}

/** One `transcript[].messages[]` entry: `{actions, files, from, channelName, chatbotName|livechatName, messages}` */
function templateEntry(conv: Conversation, item: TranscriptItem, options: TranscriptOptions): Json {
  const base = { actions: item.actions ?? [], files: [] as unknown[], channelName: CHANNEL_NAME };
  const rest = { messages: item.parts, ...extras(item, options) };
  switch (item.from) {
    case 'user':
      return { ...base, from: 'user', ...rest };
    case 'bot':
      return { ...base, from: 'chatbot', chatbotName: CHATBOT_NAME, ...rest };
    default:
      return { ...base, from: 'livechat', livechatName: conv.agent.name ?? 'Agent', ...rest };
  }
}

/** Groups entries by turn: a new group starts at each user message. */
function templateGroups(conv: Conversation, items: TranscriptItem[], options: TranscriptOptions): Json[] {
  const groups: { event_id: string; messages: Json[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (!last || item.from === 'user') groups.push({ event_id: newEventId(), messages: [] });
    groups[groups.length - 1]?.messages.push(templateEntry(conv, item, options));
  }
  return groups;
}

export function buildTranscript(conv: Conversation, options: TranscriptOptions): Json {
  const items = transcriptItems(conv.messages, options.style ?? 'verbatim');
  if (options.shape === 'transcript') {
    return { conversation_id: conv.id, transcript: templateGroups(conv, items, options) };
  }
  return { conversation_id: conv.id, messages: items.map((item) => messagesEntry(conv, item, options)) };
}
