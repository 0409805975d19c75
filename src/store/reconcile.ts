/**
 * Merges a transcript into the messages on screen after a reconnect (or a reload), so that every message is
 * shown once:
 *   - a message on screen that the transcript has is kept as it is (no re-render, no second host event);
 *   - a transcript entry not on screen (a reply produced while the socket was down) is added after the
 *     message that precedes it in the transcript;
 *   - a visitor message waiting for confirmation is confirmed when the transcript has it, else reported
 *     missing so the outbox sends it again, with the same `client_msg_id`.
 *
 * The visitor's messages and the hub's (bot, agent) are matched as two separate streams: each keeps its own
 * order on both sides, but how they interleave differs (the screen shows a message when it is typed, the hub
 * files it when it arrives). Within a stream, matching is by content (content-key.ts), looking a few messages
 * ahead so that one message the hub words differently (a 413 message fetched from its link) cannot make
 * everything after it look new. A bot message split at `pause` parts is several messages on screen (ids `x`,
 * `x#1`, …) and one transcript entry: they are compared as one unit. The screen's own order is never changed.
 */
import type { TranscriptEntry } from '../protocol';
import { contentKey } from './content-key';
import type { ChatMessage } from './messages';

const LOOKAHEAD = 20;

export interface ReconcileResult {
  messages: ChatMessage[];
  /** Pending visitor messages the transcript shows: delivered. */
  confirmed: string[];
  /** Pending visitor messages the transcript lacks: to send again. */
  missing: string[];
  /** Messages created from entries that were not on screen, in transcript order. */
  added: ChatMessage[];
}

interface Unit {
  messages: ChatMessage[];
  user: boolean;
  sender: ChatMessage['sender'];
  key: string;
}

const baseId = (m: ChatMessage): string => (m.sender === 'user' ? m.id : m.id.replace(/#\d+$/, ''));

function toUnits(local: readonly ChatMessage[]): Unit[] {
  const units: Unit[] = [];
  for (const m of local) {
    if (m.sender === 'system') continue;
    const last = units.at(-1);
    if (last && !last.user && last.sender === m.sender && baseId(last.messages[0]!) === baseId(m)) {
      last.messages.push(m);
      last.key = contentKey(last.messages.flatMap((x) => x.parts));
    } else {
      units.push({
        messages: [m],
        user: m.sender === 'user',
        sender: m.sender,
        key: contentKey(m.sentParts ?? m.parts),
      });
    }
  }
  return units;
}

/** Aligns one stream: which unit each entry index matches (absent: the entry is not on screen). */
function align(units: Unit[], entries: Array<[number, TranscriptEntry]>, into: Map<number, Unit>): Set<Unit> {
  const matched = new Set<Unit>();
  let j = 0;
  for (const [index, entry] of entries) {
    const key = contentKey(entry.parts);
    for (let k = j; k < Math.min(units.length, j + 1 + LOOKAHEAD); k++) {
      if (units[k]!.sender === entry.sender && units[k]!.key === key) {
        into.set(index, units[k]!);
        matched.add(units[k]!);
        j = k + 1;
        break;
      }
    }
  }
  return matched;
}

export function reconcile(
  local: readonly ChatMessage[],
  entries: readonly TranscriptEntry[],
  pending: ReadonlySet<string>,
  make: (entry: TranscriptEntry, index: number) => ChatMessage,
): ReconcileResult {
  const units = toUnits(local);
  const indexed = entries.map((e, i) => [i, e] as [number, TranscriptEntry]);
  const byIndex = new Map<number, Unit>();
  const matched = new Set([
    ...align(
      units.filter((u) => u.user),
      indexed.filter(([, e]) => e.sender === 'user'),
      byIndex,
    ),
    ...align(
      units.filter((u) => !u.user),
      indexed.filter(([, e]) => e.sender !== 'user'),
      byIndex,
    ),
  ]);

  // Entries not on screen go after the screen message matched to the nearest earlier entry.
  const insertAfter = new Map<ChatMessage | undefined, ChatMessage[]>();
  const added: ChatMessage[] = [];
  let anchor: ChatMessage | undefined;
  indexed.forEach(([index, entry]) => {
    const unit = byIndex.get(index);
    if (unit) {
      anchor = unit.messages.at(-1);
      return;
    }
    const message = make(entry, index);
    added.push(message);
    const after = insertAfter.get(anchor);
    if (after) after.push(message);
    else insertAfter.set(anchor, [message]);
  });

  const messages: ChatMessage[] = [...(insertAfter.get(undefined) ?? [])];
  for (const m of local) {
    messages.push(m);
    messages.push(...(insertAfter.get(m) ?? []));
  }
  const confirmed: string[] = [];
  const missing: string[] = [];
  for (const unit of units) {
    const id = unit.messages[0]!.id;
    if (!unit.user || !pending.has(id)) continue;
    (matched.has(unit) ? confirmed : missing).push(id);
  }
  return { messages, confirmed, missing, added };
}
