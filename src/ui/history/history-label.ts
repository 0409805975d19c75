/**
 * How a past conversation is named in the history list. The hub gives only an id and metadata, so: a date
 * from the metadata if it has one, else the date this browser saw it start ("Conversation from …"); the
 * metadata's first values as a detail line; a short id when nothing else is known.
 */
import type { ConversationSummary } from '../../protocol';
import type { Translate } from '../context';
import { previewText } from '../log/parts/truncate';

const DATE_KEYS = ['createdAt', 'created_at', 'startedAt', 'started_at', 'date', 'timestamp'];
const DETAIL_CHARS = 60;

/** Epoch ms from the first date-like metadata value: ms or s numbers, or date strings. */
export function metadataDate(metadata: Record<string, unknown>): number | undefined {
  for (const key of DATE_KEYS) {
    if (!Object.hasOwn(metadata, key)) continue;
    const v = metadata[key];
    // Seconds or milliseconds: 1e11 ms is 1973, 1e11 s is far in the future.
    const ms =
      typeof v === 'number' ? (v < 1e11 ? v * 1000 : v) : typeof v === 'string' ? Date.parse(v) : Number.NaN;
    if (Number.isFinite(ms) && ms > 0) return ms;
  }
  return undefined;
}

/** `key: value` for the first plain values (not `private`, not dates), cut to one short line. */
export function metadataDetail(metadata: Record<string, unknown>): string | undefined {
  const words = Object.entries(metadata)
    .filter(
      ([k, v]) =>
        k !== 'private' && !DATE_KEYS.includes(k) && (typeof v === 'string' || typeof v === 'number'),
    )
    .map(([k, v]) => `${k}: ${String(v).trim()}`)
    .join(', ');
  return words ? previewText(words.replace(/\s+/g, ' '), DETAIL_CHARS).text : undefined;
}

export interface ConversationLabel {
  title: string;
  detail?: string;
}

export function conversationLabel(
  summary: ConversationSummary,
  startedAt: number | undefined,
  t: Translate,
  locale: string,
): ConversationLabel {
  const at = metadataDate(summary.metadata) ?? startedAt;
  const detail = metadataDetail(summary.metadata);
  if (at !== undefined) {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    return { title: t('conversationFrom', { date }), ...(detail ? { detail } : {}) };
  }
  if (detail) return { title: detail };
  return { title: t('conversationShort', { id: summary.conversationId.slice(0, 8) }) };
}
