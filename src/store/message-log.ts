/**
 * The conversation's log, and the only writer of `state.messages`. Messages from the hub are appended once
 * per frame (a burst of a thousand is one render and one round of host events, not a thousand), anything
 * else lands at once and in order; every message shown is reported to the host. Also the visitor's messages
 * typed in other tabs, and delivery states coming back.
 *
 * Bounded: at most `MEMORY_CAP` messages are kept (plus the pages of earlier messages the visitor asks for);
 * beyond it the oldest go and `state.earlier` says so, and the transcript brings them back on request. Work
 * per arrival is constant: ids are looked up in an index kept beside the list, and an append copies at most
 * the capped list, once per frame.
 */
import { batch, signal } from '@preact/signals';
import type { SharedUserMessage } from '../session';
import { emitMessage } from './apply-transcript';
import { createArrivals, type Schedule } from './arrivals';
import type { Emit } from './events';
import { type ChatMessage, createMessage, type DeliveryState, systemNotice } from './messages';
import type { ChatSignals } from './state';

/** Messages kept in memory per conversation: a restored history of this size shows in full. */
export const MEMORY_CAP = 10_000;
/** Earlier messages brought back per request of the visitor. */
export const EARLIER_PAGE = 1_000;

/** Hub messages (and the widget's notices) that arrived live: what the unread count counts. */
const countable = (messages: readonly ChatMessage[]): number =>
  messages.reduce((n, m) => (m.history || m.sender === 'user' ? n : n + 1), 0);

export function createMessageLog(
  state: Pick<ChatSignals, 'messages' | 'conversationId' | 'earlier'>,
  emit: Emit,
  now: () => number,
  schedule?: Schedule,
) {
  /** How many messages may be kept now: the cap, plus the pages of earlier ones the visitor asked for. */
  let allowance = MEMORY_CAP;
  /** Live arrivals since the conversation was shown, including those trimmed away since. */
  const arrived = signal(0);
  const index = new Map<string, ChatMessage>();
  /** The list `index` describes; another list (replaced wholesale) means it is rebuilt on the next lookup. */
  let indexed: readonly ChatMessage[] = [];

  function find(id: string): ChatMessage | undefined {
    const list = state.messages.peek();
    if (list !== indexed) {
      index.clear();
      for (const m of list) index.set(m.id, m);
      indexed = list;
    }
    return index.get(id);
  }

  /** Sets the list, letting the oldest go beyond the allowance; `added`: what is new in it. Returns how many went. */
  function commit(next: ChatMessage[], added: readonly ChatMessage[]): number {
    const over = next.length - allowance;
    const kept = over > 0 ? next.slice(over) : next;
    if (indexed === state.messages.peek()) {
      for (const m of added) index.set(m.id, m);
      for (let i = 0; i < over; i++) index.delete(next[i]!.id);
      indexed = kept;
    }
    batch(() => {
      state.messages.value = kept;
      if (over > 0) state.earlier.value = true;
      arrived.value += countable(added);
    });
    return Math.max(0, over);
  }

  const arrivals = createArrivals((batch) => {
    commit([...state.messages.peek(), ...batch], batch);
    for (const message of batch) emitMessage(emit, message, state.conversationId.peek());
  }, schedule);

  /** `later`: a hub message, which may wait for the next frame; anything else lands at once, in order. */
  function add(message: ChatMessage, later = false): void {
    if (later) {
      arrivals.push(message);
      return;
    }
    arrivals.flush();
    commit([...state.messages.peek(), message], [message]);
    emitMessage(emit, message, state.conversationId.peek());
  }

  return {
    add,
    find,
    /** Live arrivals since the conversation was shown (unread.ts counts from it). */
    arrived,
    /** How many more messages the log may take before it lets the oldest go. */
    room: (): number => Math.max(0, allowance - state.messages.peek().length),
    /**
     * Replaces the list (a transcript merged in): `added` are the new messages, `leftEarlier` that older
     * messages exist that it does not hold.
     */
    replace(next: ChatMessage[], added: readonly ChatMessage[], leftEarlier = false): void {
      arrivals.flush();
      // A transcript tells the whole story: nothing older is missing unless it said so or the cap let some go.
      const went = commit(next, added);
      state.earlier.value = leftEarlier || went > 0;
    },
    /** The visitor asked for earlier messages: room for one more page, which the next transcript fills. */
    makeRoomForEarlier(): void {
      allowance = state.messages.peek().length + EARLIER_PAGE;
    },
    notice(text: string, tone: 'info' | 'error' = 'info'): void {
      add(systemNotice(text, tone, now()));
    },
    /** A message the visitor typed, in this tab or another (shown once). */
    showUser(shared: SharedUserMessage): void {
      if (find(shared.id)) return;
      const { sentParts, ...rest } = shared;
      add(
        createMessage({
          ...rest,
          sender: 'user',
          history: false,
          delivery: 'sending',
          ...(sentParts ? { sentParts } : {}),
        }),
      );
    },
    setDelivery(id: string, value: DeliveryState): void {
      const message = find(id);
      if (message?.delivery) message.delivery.value = value;
    },
    /** Before the list is read or replaced wholesale: what waits for the next frame lands first. */
    flush: () => arrivals.flush(),
    /** Another conversation: nothing of this one stays. */
    clear(): void {
      arrivals.clear();
      allowance = MEMORY_CAP;
      state.messages.value = [];
      state.earlier.value = false;
      arrived.value = 0;
    },
  };
}

export type MessageLog = ReturnType<typeof createMessageLog>;
