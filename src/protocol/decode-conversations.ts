/** `user_conversations`: the answer to `get_user_conversations` and its `_v2` form. */
import type { InboundFrame } from './frames';
import { bool, collect, type Invalid, invalid, isRecord, LIMITS, num, own, type Rec, text } from './guards';
import type { ConversationSummary, Pagination } from './model';
import { safeRecord } from './safe-record';

export function decodeUserConversations(p: Rec): InboundFrame | Invalid {
  const list = own(p, 'conversations');
  if (!Array.isArray(list)) return invalid('conversations is not a list');
  const frame: InboundFrame = {
    type: 'user_conversations',
    conversations: collect(list, LIMITS.conversations, decodeSummary),
  };
  const pagination = decodePagination(own(p, 'pagination'));
  if (pagination !== undefined) frame.pagination = pagination;
  return frame;
}

function decodeSummary(v: unknown): ConversationSummary | undefined {
  const conversationId = text(own(v, 'conversation_id'));
  if (conversationId === undefined) return undefined;
  const metadata = own(v, 'metadata');
  return { conversationId, metadata: isRecord(metadata) ? safeRecord(metadata) : {} };
}

/**
 * Kept only when the four counters are usable, because a pager built on half a pagination object
 * would offer pages that do not exist. Missing flags are derived from the counters.
 */
export function decodePagination(v: unknown): Pagination | undefined {
  if (!isRecord(v)) return undefined;
  const page = count(own(v, 'page'));
  const pageSize = count(own(v, 'pageSize') ?? own(v, 'limit'));
  const total = count(own(v, 'total'));
  const totalPages = count(own(v, 'totalPages'));
  if (page === undefined || pageSize === undefined || total === undefined || totalPages === undefined) {
    return undefined;
  }
  return {
    hasNextPage: bool(own(v, 'hasNextPage')) ?? page < totalPages,
    hasPrevPage: bool(own(v, 'hasPrevPage')) ?? page > 1,
    page,
    pageSize,
    total,
    totalPages,
  };
}

function count(v: unknown): number | undefined {
  const n = num(v);
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
