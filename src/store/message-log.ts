/**
 * The conversation's log: messages from the hub are appended once per frame (a burst of a thousand is one
 * render, not a thousand), anything else lands at once and in order; every message shown is reported to the
 * host. Also the visitor's messages typed in other tabs, and delivery states coming back.
 */
import type { SharedUserMessage } from '../session';
import { emitMessage } from './apply-transcript';
import { createArrivals, type Schedule } from './arrivals';
import type { Emit } from './events';
import { type ChatMessage, createMessage, type DeliveryState, systemNotice } from './messages';
import type { ChatState } from './state';

export function createMessageLog(state: ChatState, emit: Emit, now: () => number, schedule?: Schedule) {
  const arrivals = createArrivals((batch) => {
    state.messages.value = [...state.messages.value, ...batch];
  }, schedule);

  /** `later`: a hub message, which may wait for the next frame; anything else lands at once, in order. */
  function add(message: ChatMessage, later = false): void {
    if (later) arrivals.push(message);
    else {
      arrivals.flush();
      state.messages.value = [...state.messages.value, message];
    }
    emitMessage(emit, message, state.conversationId.value);
  }

  return {
    add,
    notice(text: string, tone: 'info' | 'error' = 'info'): void {
      add(systemNotice(text, tone, now()));
    },
    /** A message the visitor typed, in this tab or another (shown once). */
    showUser(shared: SharedUserMessage): void {
      if (state.messages.value.some((m) => m.id === shared.id)) return;
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
      const message = state.messages.value.find((m) => m.id === id);
      if (message?.delivery) message.delivery.value = value;
    },
    /** Before the list is read or replaced wholesale: what waits for the next frame lands first. */
    flush: () => arrivals.flush(),
    clear(): void {
      arrivals.clear();
      state.messages.value = [];
    },
  };
}

export type MessageLog = ReturnType<typeof createMessageLog>;
