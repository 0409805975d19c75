/**
 * Random and mutated hub frames, through the real decoder and the real store: nothing throws, the message
 * list stays well formed (known senders and part kinds, unique ids), what the visitor wrote is never lost
 * or reordered, and no prototype is polluted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { decode } from '../protocol';
import { createHubSession } from '../session';
import { fakeConnection } from '../session/test-connection';
import { createSafeStorage } from '../storage';
import { createChatStore } from './chat-store';
import { DEFAULTS } from './options';

const KINDS = new Set(['text', 'choices', 'links', 'cards', 'files', 'pause', 'html', 'md', 'unknown']);
const SENDERS = new Set(['user', 'bot', 'agent', 'system']);
const EVENTS = [
  'bot_message',
  'livechat_message',
  'conversation_transcript',
  'conversation_update',
  'general_error',
  'action',
  'conversation_start_success',
  'user_conversations',
  'delete_conversation_success',
  'conversation_metadata',
];

function storeWithFakeSocket() {
  const hub = fakeConnection(true);
  const options = { ...DEFAULTS, apiKey: 'k', start: 'user-first' as const };
  const storage = createSafeStorage('none');
  const store = createChatStore({
    options,
    storage,
    session: createHubSession({ options, storage, connect: hub.connect }),
    uploader: async () => ({ filename: 'f', type: 'text/plain' }),
    t: createI18n().t,
    emit: () => {},
  });
  store.connect();
  hub.options.onReady('s');
  hub.receive({ type: 'conversation_start_success', conversationId: 'c1' });
  store.sendText('visitor one');
  store.sendText('visitor two');
  return {
    store,
    feed(raw: unknown) {
      const result = decode(raw);
      if (result.ok) hub.receive(result.frame);
      else hub.reject(result.rejection);
    },
  };
}

const frameArb = fc.oneof(
  fc.anything(),
  fc.json(),
  fc.record({
    event_type: fc.constantFrom(...EVENTS),
    event_payload: fc.oneof(
      fc.anything(),
      fc.record({
        conversation_id: fc.oneof(fc.constant('c1'), fc.string()),
        content: fc.oneof(fc.anything(), fc.array(fc.oneof(fc.string(), fc.object()))),
        messages: fc.anything(),
        transcript: fc.anything(),
        error_code: fc.oneof(fc.integer(), fc.string()),
        type: fc.oneof(fc.string(), fc.constantFrom('livechatAgentConnected', 'failedAgentAssignment')),
        __proto__: fc.object(),
      }),
    ),
  }),
);

describe('store fuzz', () => {
  it('random frames never throw and never corrupt the message list', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { maxLength: 25 }), (frames) => {
        const { store, feed } = storeWithFakeSocket();
        for (const frame of frames) {
          expect(() => feed(frame)).not.toThrow();
          expect(() => feed(JSON.stringify(frame))).not.toThrow();
        }
        const messages = store.state.messages.value;
        for (const m of messages) {
          expect(SENDERS.has(m.sender)).toBe(true);
          expect(Array.isArray(m.parts)).toBe(true);
          for (const p of m.parts) expect(KINDS.has(p.kind)).toBe(true);
        }
        expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
        // A transcript may add or keep, never drop or reorder what the visitor wrote on this screen
        // (a 400 resets the conversation, which is allowed to clear it).
        const users = messages
          .filter((m) => m.sender === 'user')
          .map((m) => (m.parts[0] as { text?: string }).text);
        if (store.state.conversationId.value === 'c1') {
          const mine = users.filter((t) => t === 'visitor one' || t === 'visitor two');
          expect(mine).toEqual(['visitor one', 'visitor two']);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        store.destroy();
      }),
      { numRuns: 300 },
    );
  });
});
