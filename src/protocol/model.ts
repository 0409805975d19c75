/**
 * The internal model every wire variant is normalised into. Nothing outside `protocol/` ever sees the
 * vendor's shapes: the store and the UI work only with these types.
 */

export type SenderKind = 'user' | 'bot' | 'agent' | 'system';

export interface ChoiceOption {
  label: string;
  value: string;
}

export interface LinkButton {
  title: string;
  url: string;
}

export interface Card {
  /** The vendor's `text` field: the card's title. */
  title?: string;
  description?: string;
  imageUrl?: string;
  link?: string;
}

export interface FileRef {
  url: string;
  /** Display name; absent when the hub sent `filename: null`. */
  name?: string;
  /** A MIME type (`image/png`) or, as some hubs send, only a kind (`image`). */
  mimeType?: string;
  /** `image` when the MIME type or kind says so, else `file`. */
  kind: 'image' | 'file';
  size?: number;
  thumbnail?: string;
  /** The file service's key for the file: a fresh link can be asked for with it when this one expired. */
  fileKey?: string;
  /** When the link stops working (epoch ms), when the hub said so in absolute terms. */
  expiresAt?: number;
}

/** One piece of a bot, agent or user message. URLs are kept as sent: `markdown/` applies the URL policy. */
export type MessagePart =
  | { kind: 'text'; text: string }
  | { kind: 'choices'; title?: string; options: ChoiceOption[] }
  | { kind: 'links'; title?: string; links: LinkButton[] }
  | { kind: 'cards'; cards: Card[] }
  | { kind: 'files'; title?: string; files: FileRef[] }
  | { kind: 'pause'; ms: number }
  | { kind: 'html'; html: string }
  | { kind: 'md'; md: string }
  | { kind: 'unknown'; type: string; raw: unknown };

export interface ActionModel {
  /** Trimmed `id ?? title ?? action`. */
  id: string;
  data: Record<string, unknown>;
  type: string;
}

export interface AgentInfo {
  name?: string;
  avatar?: string;
  /** Everything the hub sent in `data`, for hosts that want more than name and avatar. */
  raw: Record<string, unknown>;
}

export interface TranscriptEntry {
  sender: Exclude<SenderKind, 'system'>;
  parts: MessagePart[];
  actions: ActionModel[];
  /** `chatbotName` or `livechatName`, when present. */
  name?: string;
  /** The hub's id of the message (`message_id` or `id`, REST transcripts). */
  messageId?: string;
  /** The `client_msg_id` a user message was sent with, when the hub keeps it. */
  clientMsgId?: string;
  /** When the message was sent, in epoch milliseconds, when the hub says. */
  at?: number;
}

export interface ConversationSummary {
  conversationId: string;
  metadata: Record<string, unknown>;
}

export interface Pagination {
  hasNextPage: boolean;
  hasPrevPage: boolean;
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

/** A file the user sent, in the vendor client's shape (docs/protocol.md §4). */
export interface OutgoingFile {
  filename: string;
  type: string;
  url?: string;
  storage?: { fileKey: string; presignedUrl: string; expiresIn: number; fileSize: number };
  textContent?: {
    type: 'file_content';
    text: string;
    metadata: { source: 'file_attachment'; originalFileName: string; [key: string]: unknown };
  };
}
