/**
 * The unread count, derived rather than kept: the hub's messages (and the widget's notices) that arrived live
 * while the panel was closed, counted by the log as they arrive (so letting old messages go changes nothing).
 * Messages restored from a transcript are history and never count. The count survives a reload (stored) and
 * every change is reported to the host.
 */
import { batch, computed, effect, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { SafeStorage } from '../storage';
import type { Emit } from './events';

const UNREAD_KEY = 'unread';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export interface Unread {
  count: ReadonlySignal<number>;
  /** Everything on screen now has been seen (the panel opened or closed, or the list was replaced). */
  markSeen(): void;
  /** A logout: nothing is unread, including what was carried over from earlier page loads. */
  clear(): void;
  dispose(): void;
}

export function createUnread(
  open: Signal<boolean>,
  /** Live arrivals so far (message-log.ts). */
  arrived: ReadonlySignal<number>,
  storage: SafeStorage,
  emit: Emit,
): Unread {
  /** Unread from before this page load. */
  const carried = signal(storage.get(UNREAD_KEY, isCount) ?? 0);
  const seen = signal(0);
  const count = computed(() => (open.value ? 0 : carried.value + Math.max(0, arrived.value - seen.value)));
  let first = true;
  const stop = effect(() => {
    const value = count.value;
    if (first) {
      first = false;
      return;
    }
    storage.set(UNREAD_KEY, value);
    emit('unread', { count: value });
  });
  return {
    count,
    markSeen() {
      batch(() => {
        if (open.peek()) carried.value = 0;
        seen.value = arrived.peek();
      });
    },
    clear() {
      batch(() => {
        carried.value = 0;
        seen.value = arrived.peek();
      });
    },
    dispose: stop,
  };
}
