/**
 * `get_user_conversations(_v2)` → `user_conversations`: a user's conversations, newest first, with
 * pagination (`page`/`limit` may be strings; defaults 1 and 10). A string `search` matches metadata and
 * message text; an object `filter` keeps conversations whose metadata has those values. Other shapes of
 * `search`/`filter` (e.g. `{mode:'fred'}`) are ignored. Private metadata is neither listed nor searched.
 */
import { visibleMetadata } from './conversation-model';
import type { Conversation } from './conversations';
import { partsText } from './user-content';
import { isObject, type Json } from './wire';

export const DEFAULT_PAGE = 1;
export const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

function positiveInt(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function matchesSearch(conv: Conversation, search: unknown): boolean {
  if (typeof search !== 'string' || search.trim() === '') return true;
  const needle = search.trim().toLowerCase();
  const haystack = [
    JSON.stringify(visibleMetadata(conv.metadata)),
    ...conv.messages.map((m) => partsText(m.parts)),
  ];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

function matchesFilter(conv: Conversation, filter: unknown): boolean {
  if (!isObject(filter)) return true;
  const metadata = visibleMetadata(conv.metadata);
  return Object.entries(filter).every(([key, value]) => metadata[key] === value);
}

export function listUserConversations(conversations: readonly Conversation[], payload: Json): Json {
  const pagination = isObject(payload.pagination) ? payload.pagination : {};
  const page = positiveInt(pagination.page ?? payload.page, DEFAULT_PAGE);
  const pageSize = positiveInt(pagination.limit ?? payload.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const matching = conversations.filter(
    (c) => matchesSearch(c, payload.search) && matchesFilter(c, payload.filter),
  );
  const total = matching.length;
  const totalPages = Math.ceil(total / pageSize);
  const slice = matching.slice((page - 1) * pageSize, page * pageSize);
  return {
    conversations: slice.map((c) => ({ conversation_id: c.id, metadata: visibleMetadata(c.metadata) })),
    pagination: {
      hasNextPage: page < totalPages,
      hasPrevPage: page > 1,
      page,
      pageSize,
      total,
      totalPages,
    },
  };
}
