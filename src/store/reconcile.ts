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
 *
 * Entries older than everything on screen (all of them on a restore; on a screen trimmed to the memory cap,
 * the part of the conversation it let go) are added only up to `room`, newest first: a long conversation
 * costs what the cap allows, however long its transcript.
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
  /** Entries older than everything on screen were left out for want of `room`. */
  leftEarlier: boolean;
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

/** Aligns one stream in the order given: which unit each entry index matches (absent: not on screen). */
function alignInOrder(
  units: readonly Unit[],
  entries: ReadonlyArray<[number, TranscriptEntry]>,
  keys: readonly string[],
): Map<number, Unit> {
  const into = new Map<number, Unit>();
  let j = 0;
  for (const [index, entry] of entries) {
    const key = keys[index];
    for (let k = j; k < Math.min(units.length, j + 1 + LOOKAHEAD); k++) {
      if (units[k]!.sender === entry.sender && units[k]!.key === key) {
        into.set(index, units[k]!);
        j = k + 1;
        break;
      }
    }
  }
  return into;
}

/**
 * Aligns one stream from its start and from its end, and keeps the alignment that matches more. Walking from
 * the start suits a screen that holds the whole conversation (what is missing is at the end: replies made
 * while the socket was down); walking from the end suits a screen holding only its newest part (what is
 * missing is at the start), where older entries that happen to read like a message on screen ("Thanks!")
 * would otherwise take its place and push every later match out of reach.
 */
function align(
  units: Unit[],
  entries: Array<[number, TranscriptEntry]>,
  keys: readonly string[],
): Map<number, Unit> {
  const forward = alignInOrder(units, entries, keys);
  if (forward.size === units.length) return forward;
  const backward = alignInOrder([...units].reverse(), [...entries].reverse(), keys);
  return backward.size > forward.size ? backward : forward;
}

/**
 * Order aside: an entry the alignment left unmatched whose twin (same sender, same content) is on screen and
 * unmatched is that message, shown elsewhere. The screen and the hub may order a stream differently (two
 * replies made during an outage, each added after the anchor it had then), and re-adding it would show it
 * twice; a message is never shown twice for want of being where the transcript has it.
 */
function matchDisplaced(
  units: readonly Unit[],
  entries: ReadonlyArray<[number, TranscriptEntry]>,
  byIndex: Map<number, Unit>,
  matched: Set<Unit>,
  keys: readonly string[],
): void {
  const spare = new Map<string, Unit[]>();
  for (const unit of units) {
    if (matched.has(unit)) continue;
    const key = `${unit.sender}\n${unit.key}`;
    const list = spare.get(key);
    if (list) list.push(unit);
    else spare.set(key, [unit]);
  }
  if (spare.size === 0) return;
  for (const [index, entry] of entries) {
    if (byIndex.has(index)) continue;
    const twin = spare.get(`${entry.sender}\n${keys[index]}`)?.shift();
    if (!twin) continue;
    byIndex.set(index, twin);
    matched.add(twin);
  }
}

/** How far back an entry not on screen looks for an anchor that keeps its stream in order. */
const ANCHOR_WALK = 64;

/**
 * Where each entry not on screen goes: after the screen message matched to the nearest earlier entry, as long
 * as that keeps its own stream in order (after the stream's previous message, before its next one on
 * screen). When the other stream sits elsewhere on screen (echoes that arrived late), the nearest earlier
 * match that does is used instead, so a visitor message is never put after one typed later. Entries that go
 * before everything on screen are `leading`.
 */
function placeMissing(
  local: readonly ChatMessage[],
  indexed: ReadonlyArray<[number, TranscriptEntry]>,
  byIndex: ReadonlyMap<number, Unit>,
  make: (entry: TranscriptEntry, index: number, leading: boolean) => ChatMessage,
): {
  leading: Array<[number, TranscriptEntry]>;
  insertAfter: Map<ChatMessage, ChatMessage[]>;
  later: ChatMessage[];
} {
  const position = new Map(local.map((m, i) => [m, i]));
  const at = (m: ChatMessage | undefined): number => (m ? position.get(m)! : -1);
  const streamOf = (sender: ChatMessage['sender']) => (sender === 'user' ? 'user' : 'hub');
  // Per screen position, where the next message of each stream is, matched or not (a visitor message still
  // waiting for the hub is later than anything missing): what an entry must stay before.
  const nextOnScreen = { user: [] as number[], hub: [] as number[] };
  let nextUser = Number.POSITIVE_INFINITY;
  let nextHub = Number.POSITIVE_INFINITY;
  for (let i = local.length; i >= 0; i--) {
    const sender = local[i]?.sender;
    if (sender === 'user') nextUser = i;
    else if (sender && sender !== 'system') nextHub = i;
    nextOnScreen.user[i] = nextUser;
    nextOnScreen.hub[i] = nextHub;
  }
  const leading: Array<[number, TranscriptEntry]> = [];
  const insertAfter = new Map<ChatMessage, ChatMessage[]>();
  const later: ChatMessage[] = [];
  const anchors: ChatMessage[] = [];
  /** The screen message each stream's latest entry is at, or follows. */
  const floor: { user?: ChatMessage; hub?: ChatMessage } = {};
  for (const [index, entry] of indexed) {
    const stream = streamOf(entry.sender);
    const unit = byIndex.get(index);
    if (unit) {
      anchors.push(unit.messages.at(-1)!);
      floor[stream] = unit.messages.at(-1);
      continue;
    }
    const lo = at(floor[stream]);
    const hi = nextOnScreen[stream][lo + 1]!;
    let anchor: ChatMessage | undefined;
    for (let k = anchors.length - 1; k >= Math.max(0, anchors.length - ANCHOR_WALK); k--) {
      const p = at(anchors[k]);
      if (p >= lo && p < hi) {
        anchor = anchors[k];
        break;
      }
    }
    // None within reach: right after the stream's previous message, or else right before its next one.
    if (anchors.length > 0) anchor ??= floor[stream] ?? (hi > 0 ? local[hi - 1] : undefined);
    if (!anchor) {
      // Before everything on screen.
      leading.push([index, entry]);
      continue;
    }
    floor[stream] = anchor;
    const message = make(entry, index, false);
    later.push(message);
    const after = insertAfter.get(anchor);
    if (after) after.push(message);
    else insertAfter.set(anchor, [message]);
  }
  return { leading, insertAfter, later };
}

export function reconcile(
  local: readonly ChatMessage[],
  entries: readonly TranscriptEntry[],
  pending: ReadonlySet<string>,
  /** `leading`: the entry is older than everything on screen. */
  make: (entry: TranscriptEntry, index: number, leading: boolean) => ChatMessage,
  room = Number.POSITIVE_INFINITY,
  /** Each entry's `contentKey`, when computed beforehand (a long transcript is keyed over several tasks). */
  keys: readonly string[] = entries.map((e) => contentKey(e.parts)),
): ReconcileResult {
  const units = toUnits(local);
  const indexed = entries.map((e, i) => [i, e] as [number, TranscriptEntry]);
  const byIndex = new Map([
    ...align(
      units.filter((u) => u.user),
      indexed.filter(([, e]) => e.sender === 'user'),
      keys,
    ),
    ...align(
      units.filter((u) => !u.user),
      indexed.filter(([, e]) => e.sender !== 'user'),
      keys,
    ),
  ]);
  const matched = new Set(byIndex.values());
  matchDisplaced(units, indexed, byIndex, matched, keys);

  const { leading, insertAfter, later } = placeMissing(local, indexed, byIndex, make);
  const kept = leading
    .slice(Math.max(0, leading.length - room))
    .map(([index, entry]) => make(entry, index, true));
  const added = [...kept, ...later];

  const messages: ChatMessage[] = [...kept];
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
  return { messages, confirmed, missing, added, leftEarlier: kept.length < leading.length };
}
