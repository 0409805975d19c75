/**
 * Merges a transcript into the messages on screen after a reconnect (or a reload), so that every message is
 * shown once and in the hub's order:
 *   - a message on screen that the transcript has is kept as it is (no re-render, no second host event);
 *   - a transcript entry not on screen (a reply produced while the socket was down) is added in its place;
 *   - a visitor message waiting for confirmation is confirmed when the transcript has it, else reported
 *     missing so the outbox sends it again, with the same `client_msg_id`.
 *
 * Matching is by sender and content (see content-key.ts). A bot message split at `pause` parts is several
 * messages on screen (ids `x`, `x#1`, …) and one transcript entry: they are compared as one unit. A message on
 * screen that the transcript words differently (a 413 message fetched from its link, say) is kept where it
 * is: the entries after it are matched by looking a few units ahead, so one mismatch cannot duplicate the rest.
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
  /** Messages created from entries that were not on screen, in order. */
  added: ChatMessage[];
}

interface Unit {
  messages: ChatMessage[];
  sender: ChatMessage['sender'];
  key: string;
}

const baseId = (m: ChatMessage): string => (m.sender === 'user' ? m.id : m.id.replace(/#\d+$/, ''));

function toUnits(local: readonly ChatMessage[]): Unit[] {
  const units: Unit[] = [];
  for (const m of local) {
    if (m.sender === 'system') continue;
    const last = units.at(-1);
    if (
      last &&
      last.sender !== 'user' &&
      last.sender === m.sender &&
      baseId(last.messages[0]!) === baseId(m)
    ) {
      last.messages.push(m);
      last.key = contentKey(last.messages.flatMap((x) => x.parts));
    } else {
      units.push({ messages: [m], sender: m.sender, key: contentKey(m.sentParts ?? m.parts) });
    }
  }
  return units;
}

const same = (unit: Unit, entry: TranscriptEntry): boolean =>
  unit.sender === entry.sender && unit.key === contentKey(entry.parts);

export function reconcile(
  local: readonly ChatMessage[],
  entries: readonly TranscriptEntry[],
  pending: ReadonlySet<string>,
  make: (entry: TranscriptEntry, index: number) => ChatMessage,
): ReconcileResult {
  const units = toUnits(local);
  const out: ChatMessage[] = [];
  const added: ChatMessage[] = [];
  const confirmed: string[] = [];
  let j = 0;
  const keep = (unit: Unit, matched: boolean): void => {
    out.push(...unit.messages);
    const id = unit.messages[0]!.id;
    if (matched && unit.sender === 'user' && pending.has(id)) confirmed.push(id);
  };

  entries.forEach((entry, i) => {
    const unit = units[j];
    if (unit && same(unit, entry)) {
      keep(unit, true);
      j++;
      return;
    }
    // Is this entry a little further on screen? Then the units skipped are ones the hub words differently.
    for (let k = j + 1; k < Math.min(units.length, j + 1 + LOOKAHEAD); k++) {
      if (same(units[k]!, entry)) {
        for (const skipped of units.slice(j, k)) keep(skipped, false);
        keep(units[k]!, true);
        j = k + 1;
        return;
      }
    }
    const message = make(entry, i);
    out.push(message);
    added.push(message);
  });

  const missing: string[] = [];
  for (const unit of units.slice(j)) {
    keep(unit, false);
    const id = unit.messages[0]!.id;
    if (unit.sender === 'user' && pending.has(id)) missing.push(id);
  }
  return { messages: placeNotices(local, out), confirmed, missing, added };
}

/** System notices (agent joined, errors) are not in transcripts: keep each after the message it followed. */
function placeNotices(local: readonly ChatMessage[], merged: ChatMessage[]): ChatMessage[] {
  const after = new Map<string | undefined, ChatMessage[]>();
  let previous: string | undefined;
  for (const m of local) {
    if (m.sender === 'system') after.set(previous, [...(after.get(previous) ?? []), m]);
    else previous = m.id;
  }
  if (after.size === 0) return merged;
  const out: ChatMessage[] = [...(after.get(undefined) ?? [])];
  for (const m of merged) {
    out.push(m);
    out.push(...(after.get(m.id) ?? []));
  }
  return out;
}
