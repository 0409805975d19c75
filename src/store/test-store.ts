/**
 * A real store on a real hub session over a fake connection, for store tests: host events are recorded
 * (or passed to `emit`), and the test plays the hub through `hub` (session/test-connection.ts). Not part of
 * the widget.
 */
import { createI18n } from '../i18n';
import type { NextTask, SessionListener, TabNote } from '../session';
import { createHubSession } from '../session';
import { fakeConnection } from '../session/test-connection';
import { createSafeStorage, type SafeStorage } from '../storage';
import { createChatStore } from './chat-store';
import type { Emit, HostEventName } from './events';
import { type ChatOptions, DEFAULTS } from './options';

export interface TestStoreOptions {
  options?: Partial<ChatOptions>;
  storage?: SafeStorage;
  /** Runs arrival batches (default: the store's, which without animation frames is at once). */
  schedule?: (run: () => void) => void;
  /** Takes the host events instead of the `events` list. */
  emit?: Emit;
  /** Waits between slices of a long transcript (default: none, everything at once). */
  nextTask?: NextTask;
}

export function testStore({
  options: overrides = {},
  storage = createSafeStorage('none'),
  schedule,
  emit,
  nextTask,
}: TestStoreOptions = {}) {
  const events: Array<{ name: HostEventName; detail: unknown }> = [];
  const hub = fakeConnection();
  const options = { ...DEFAULTS, apiKey: 'k', ...overrides };
  const session = createHubSession({ options, storage, connect: hub.connect, now: () => 1000 });
  let listener: SessionListener | undefined;
  const store = createChatStore({
    options,
    storage,
    session: {
      ...session,
      open(l) {
        listener = l;
        session.open(l);
      },
    },
    uploader: async () => ({ filename: 'f', type: 'text/plain', url: 'https://x/f' }),
    t: createI18n().t,
    emit: emit ?? ((name, detail) => void events.push({ name, detail })),
    now: () => 1000,
    ...(schedule ? { schedule } : {}),
    nextTask,
  });
  store.connect();
  /** Plays a note from another tab's store (a tab session would hand it on). */
  const tabNote = (note: TabNote) => listener?.note?.(note);
  return { store, hub, events, tabNote };
}
