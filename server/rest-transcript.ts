/**
 * `GET /api/transcript?conversation_id=…` (docs/protocol.md §7): `{conversation_id, transcript:[entry]}`,
 * one flat entry per message, in the shape the vendor's client 7.x reads (`message_id || id`,
 * `content` or `text`, `files[].storage {fileKey, presignedUrl, expiresIn}`).
 *   verbatim:   {id, from, content, text, files, created_at, client_msg_id?, actions?, livechatName?}
 *               `content` as the live frame carried it (a user's `{type, text, files?}`, the bot's parts)
 *   normalised: {message_id, from, text, files, timestamp, content?, client_msg_id?, actions?, livechatName?}
 *               `content` only for parts other than text and files
 * `from` is `user`, `bot` or `agent`; agent entries name the agent in `livechatName`.
 */
import type { Conversation } from './conversations';
import type { TranscriptStyle } from './options';
import { type TranscriptItem, transcriptItems } from './transcript-items';
import { partsText } from './user-content';
import { isObject, type Json } from './wire';

function common(conv: Conversation, item: TranscriptItem): Json {
  return {
    from: item.from,
    text: partsText(item.parts),
    files: item.files,
    ...(item.clientMsgId ? { client_msg_id: item.clientMsgId } : {}),
    ...(item.actions ? { actions: item.actions } : {}),
    ...(item.from === 'agent' ? { livechatName: conv.agent.name ?? 'Agent' } : {}),
  };
}

function verbatimContent(item: TranscriptItem): unknown {
  if (item.from !== 'user') return item.parts;
  const text = partsText(item.parts);
  return item.files.length > 0 ? { type: 'text', text, files: item.files } : { type: 'text', text };
}

const isPlain = (part: unknown) => isObject(part) && part.type === 'text';

export function restTranscript(conv: Conversation, style: TranscriptStyle): Json {
  const items = transcriptItems(conv.messages, style);
  const transcript = items.map((item): Json => {
    if (style === 'verbatim') {
      return {
        id: item.id,
        ...common(conv, item),
        content: verbatimContent(item),
        created_at: new Date(item.at).toISOString(),
      };
    }
    const rich = item.parts.filter((p) => !isPlain(p));
    return {
      message_id: item.id,
      ...common(conv, item),
      timestamp: item.at,
      ...(rich.length > 0 ? { content: rich } : {}),
    };
  });
  return { conversation_id: conv.id, transcript };
}
