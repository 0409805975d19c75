import { describe, expect, it } from 'vitest';
import type { HttpOutcomeKind } from './http-result';
import {
  initialSendMode,
  noteSendOutcome,
  type SendEvidence,
  sendModeDetail,
  sendWayAfter,
  socketEvidence,
} from './send-mode';

const http = (outcome: HttpOutcomeKind): SendEvidence => ({ via: 'http', outcome });
const refusedSocket: SendEvidence = { via: 'socket', outcome: 'gateway-refused' };
const ALL_HTTP: HttpOutcomeKind[] = [
  'delivered',
  'no-http-side',
  'retry',
  'stale-socket',
  'rejected',
  'unauthorized',
  'too-large',
];

describe('send mode', () => {
  it('auto with an HTTP side sends over HTTP first', () => {
    expect(initialSendMode('auto', true)).toMatchObject({ way: 'http', reason: 'http-first' });
  });

  it('auto without an HTTP side is the socket, and a refused socket leaves nothing', () => {
    expect(initialSendMode('auto', false)).toMatchObject({ way: 'socket', reason: 'no-http-url' });
    expect(sendWayAfter('auto', false, [refusedSocket])).toMatchObject({
      way: 'none',
      reason: 'both-refused',
    });
  });

  it('switches auto to the socket on the first no-http-side, for the rest of the page view', () => {
    const state = sendWayAfter('auto', true, [http('delivered'), http('no-http-side')]);
    expect(state).toMatchObject({ way: 'socket', reason: 'http-refused', refused: ['http'] });
    // A late answer to an event sent over HTTP before the switch changes nothing.
    expect(noteSendOutcome(state, http('no-http-side'))).toBe(state);
    expect(noteSendOutcome(state, { via: 'socket', outcome: 'sent' })).toBe(state);
  });

  it('switches auto back to HTTP when the gateway refuses a socket send, once', () => {
    const back = sendWayAfter('auto', true, [http('no-http-side'), refusedSocket]);
    expect(back).toMatchObject({ way: 'http', reason: 'socket-refused', refused: ['http', 'socket'] });
    expect(noteSendOutcome(back, http('delivered'))).toBe(back);
    expect(noteSendOutcome(back, http('no-http-side'))).toMatchObject({
      way: 'none',
      reason: 'both-refused',
    });
  });

  it('ignores a refused keepalive on the socket while sending over HTTP', () => {
    const state = initialSendMode('auto', true);
    expect(noteSendOutcome(state, refusedSocket)).toBe(state);
  });

  it.each(ALL_HTTP.filter((k) => k !== 'no-http-side'))('never switches on %s', (kind) => {
    const state = initialSendMode('auto', true);
    expect(noteSendOutcome(state, http(kind))).toBe(state);
  });

  it('http never falls back and socket never uses HTTP, whatever happens', () => {
    const everything: SendEvidence[] = [
      ...ALL_HTTP.map(http),
      refusedSocket,
      { via: 'socket', outcome: 'sent' },
    ];
    for (const hasHttpSide of [true, false]) {
      expect(sendWayAfter('http', hasHttpSide, everything)).toMatchObject({
        way: 'http',
        reason: 'configured',
      });
      expect(sendWayAfter('socket', hasHttpSide, everything)).toMatchObject({
        way: 'socket',
        reason: 'configured',
      });
    }
  });

  it('never leaves a way it has not been refused on, and never sends one event both ways', () => {
    // Each switch follows a refusal of the way the event went, so that event never arrived.
    const seen: SendEvidence[] = [http('retry'), http('stale-socket'), http('no-http-side')];
    let state = initialSendMode('auto', true);
    for (const evidence of seen) {
      const next = noteSendOutcome(state, evidence);
      if (next !== state) expect(evidence).toMatchObject({ via: state.way, outcome: 'no-http-side' });
      state = next;
    }
    expect(state.way).toBe('socket');
  });

  it('states the mode in use for ready/status details', () => {
    expect(sendModeDetail(sendWayAfter('auto', true, [http('no-http-side')]))).toEqual({
      sendMode: 'auto',
      sendingVia: 'socket',
    });
  });
});

describe('socketEvidence', () => {
  it('reads the gateway refusal of a socket frame, and nothing else', () => {
    expect(
      socketEvidence({ type: 'gateway_error', code: 'gateway_forbidden', message: 'Forbidden' }),
    ).toEqual({
      via: 'socket',
      outcome: 'gateway-refused',
    });
    expect(
      socketEvidence({
        type: 'gateway_error',
        code: 'gateway_server_error',
        message: 'Internal server error',
      }),
    ).toBeUndefined();
    expect(socketEvidence({ type: 'conversation_start_success', conversationId: 'c' })).toBeUndefined();
  });
});
