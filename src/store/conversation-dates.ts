/**
 * When this browser saw each of its conversations start. The hub's list carries only ids and metadata, so
 * without this the history would label conversations by bare ids; with it they read "Conversation from
 * <date>". Kept as `[id, epoch ms]` pairs, not an object keyed by hub ids, so an id like `__proto__` is
 * only data. Bounded: the oldest entries are dropped.
 */
import type { SafeStorage } from '../storage';

const DATES_KEY = 'started';
export const MAX_DATES = 100;

type Entry = [string, number];
const isEntries = (v: unknown): v is Entry[] =>
  Array.isArray(v) &&
  v.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');

export interface ConversationDates {
  get(id: string): number | undefined;
  /** Records `at` for `id` unless a date is already known. */
  note(id: string, at: number): void;
  forget(id: string): void;
  clear(): void;
}

export function createConversationDates(storage: SafeStorage): ConversationDates {
  const read = (): Entry[] => storage.get(DATES_KEY, isEntries) ?? [];
  return {
    get: (id) => read().find((e) => e[0] === id)?.[1],
    note(id, at) {
      const all = read();
      if (all.some((e) => e[0] === id)) return;
      storage.set(DATES_KEY, [...all, [id, at]].slice(-MAX_DATES));
    },
    forget(id) {
      const all = read();
      if (all.some((e) => e[0] === id))
        storage.set(
          DATES_KEY,
          all.filter((e) => e[0] !== id),
        );
    },
    clear: () => storage.remove(DATES_KEY),
  };
}
