/** The keepalive: never the visitor's business, whatever the hub or its gateway answers to it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboundFrame } from '../protocol';
import { createSafeStorage } from '../storage';
import { DEFAULTS } from '../store/options';
import { createHubSession } from './hub-session';
import { fakeConnection } from './test-connection';

let clock = 0;
beforeEach(() => {
  clock = 1_000_000;
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function setup(given: string | null = 'c1') {
  const conversation = given ?? undefined;
  const hub = fakeConnection();
  const options = { ...DEFAULTS, apiKey: 'k' };
  const session = createHubSession({
    options,
    storage: createSafeStorage('none'),
    connect: hub.connect,
    now: () => clock,
  });
  const frames: InboundFrame[] = [];
  session.open({
    conversationId: () => conversation,
    frame: (f) => frames.push(f),
    status() {},
    ready() {},
    delivery() {},
    trouble() {},
    reject() {},
  });
  hub.becomeReady();
  return { hub, frames, keepalive: () => hub.options.keepaliveFrame?.() ?? null };
}

const forbidden: InboundFrame = { type: 'gateway_error', code: 'gateway_forbidden', message: 'Forbidden' };
const invalid: InboundFrame = {
  type: 'general_error',
  code: 400,
  conversationId: 'c1',
  description: 'Invalid',
};

describe('keepalive', () => {
  it('is an ordinary read-only event for the current conversation, and nothing without one', () => {
    expect(setup().keepalive()?.event).toEqual({
      event_type: 'metadata_request',
      event_payload: { conversation_id: 'c1' },
    });
    expect(setup(null).keepalive()).toBeNull();
  });

  it('errors that answer it (a gateway refusal, a 400) neither show nor end the conversation', () => {
    const s = setup();
    s.keepalive();
    clock += 300;
    s.hub.receive(forbidden);
    s.hub.receive(invalid);
    s.hub.receive({ type: 'conversation_metadata', conversationId: 'c1', metadata: {} });
    expect(s.frames.map((f) => f.type)).toEqual(['conversation_metadata']);
  });

  it('errors long after it are the hub’s word on something else, and pass', () => {
    const s = setup();
    s.keepalive();
    clock += 60_000;
    s.hub.receive(forbidden);
    s.hub.receive(invalid);
    expect(s.frames).toEqual([forbidden, invalid]);
  });
});
