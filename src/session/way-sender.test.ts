/** The hub session in each send mode, over a scripted HTTP side and a stand-in socket. */
import { describe, expect, it } from 'vitest';
import type { InboundFrame, OutboundFrame } from '../protocol';
import { createSafeStorage } from '../storage';
import { DEFAULTS } from '../store/options';
import type { HttpSide, SendOutcome, TranscriptOutcome } from '../transport/http-side';
import type { SendMode } from '../transport/send-mode';
import { createHubSession } from './hub-session';
import type { DeliveryState, SessionStatus, SessionTrouble } from './session';
import { fakeConnection } from './test-connection';
import { waySender } from './way-sender';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** An HTTP side that answers each request with the next scripted outcome (default: delivered `OK`). */
function scriptedHttp() {
  const posted: Array<{ frame: OutboundFrame; socketId: string | undefined }> = [];
  const transcripts: string[] = [];
  const next: SendOutcome[] = [];
  const nextTranscript: TranscriptOutcome[] = [];
  const ok: SendOutcome = {
    kind: 'delivered',
    status: 200,
    answer: { type: 'text', value: 'OK' },
    reply: { kind: 'none' },
  };
  const side: HttpSide = {
    async send(frame, socketId) {
      posted.push({ frame, socketId });
      return next.shift() ?? ok;
    },
    async transcript(id) {
      transcripts.push(id);
      return (
        nextTranscript.shift() ?? {
          kind: 'transcript',
          result: { ok: true, frame: { type: 'conversation_transcript', conversationId: id, entries: [] } },
        }
      );
    },
    answered: true,
    close() {},
  };
  return {
    side,
    posted,
    transcripts,
    next,
    nextTranscript,
    types: () => posted.map((p) => p.frame.event.event_type),
  };
}

function setup(sendMode: SendMode) {
  const http = scriptedHttp();
  const hub = fakeConnection();
  const options = { ...DEFAULTS, apiKey: 'k', start: 'user-first' as const, sendMode };
  const session = createHubSession(
    { options, storage: createSafeStorage('none'), connect: hub.connect },
    waySender(sendMode, http.side),
  );
  const frames: InboundFrame[] = [];
  const states: Array<[string, DeliveryState]> = [];
  const statuses: SessionStatus[] = [];
  const troubles: SessionTrouble[] = [];
  let conversation: string | undefined = 'c1';
  session.open({
    conversationId: () => conversation,
    frame: (f) => {
      frames.push(f);
      if (f.type === 'conversation_start_success') conversation = f.conversationId;
    },
    status: (s) => statuses.push(s),
    ready() {},
    delivery: (id, state) => states.push([id, state]),
    trouble: (t) => troubles.push(t),
    reject() {},
  });
  return {
    session,
    http,
    hub,
    frames,
    states,
    statuses,
    troubles,
    noConversation: () => {
      conversation = undefined;
    },
    message: (id: string) => session.enqueue({ kind: 'message', id, text: id }),
  };
}

describe('HTTP sends beside the socket', () => {
  it('POSTs with the current socket id; the 2xx answer confirms the message', async () => {
    const s = setup('http');
    s.hub.becomeReady('sock-1');
    s.message('m1');
    await flush();
    expect(s.http.posted).toHaveLength(1);
    expect(s.http.posted[0]).toMatchObject({ socketId: 'sock-1' });
    expect(s.http.posted[0]!.frame.event.event_payload).toMatchObject({ client_msg_id: 'm1' });
    expect(s.hub.sent).toEqual([]);
    expect(s.states).toEqual([['m1', 'sent']]);
    expect(s.statuses.at(-1)).toMatchObject({ state: 'connected', sendMode: 'http', sendingVia: 'http' });
  });

  it('never sends with a stale socket id: after a drop, sends wait for the next socket_connected', async () => {
    const s = setup('http');
    s.hub.becomeReady('sock-1');
    s.hub.drop();
    s.message('m1');
    await flush();
    expect(s.http.posted).toHaveLength(0);
    s.hub.becomeReady('sock-2');
    await flush();
    // The reconnect reads the transcript (REST) first, then the message goes with the new id.
    expect(s.http.transcripts).toEqual(['c1', 'c1']);
    expect(s.http.posted.map((p) => p.socketId)).toEqual(['sock-2']);
  });

  it('a hub that no longer knows the socket id gets a new socket, and the message waits for it', async () => {
    const s = setup('http');
    s.hub.becomeReady('sock-1');
    s.http.next.push({ kind: 'stale-socket', status: 400, detail: 'unknown socket' });
    s.message('m1');
    await flush();
    expect(s.http.posted.map((p) => p.socketId)).toEqual(['sock-1']);
    s.hub.becomeReady('sock-2');
    await flush();
    expect(s.http.posted.map((p) => p.socketId)).toEqual(['sock-1', 'sock-2']);
    expect(s.states).toEqual([['m1', 'sent']]);
  });

  it('a 4xx fails the message (with Retry); Retry sends it again with the same id', async () => {
    const s = setup('http');
    s.hub.becomeReady('sock-1');
    s.http.next.push({ kind: 'rejected', status: 422, detail: 'bad' });
    s.message('m1');
    await flush();
    expect(s.states).toEqual([['m1', 'failed']]);
    s.session.retry('m1');
    await flush();
    expect(s.states.at(-1)).toEqual(['m1', 'sent']);
    expect(
      s.http.posted.map((p) => (p.frame.event.event_payload as { client_msg_id: string }).client_msg_id),
    ).toEqual(['m1', 'm1']);
  });

  it('answers in the HTTP body reach the store as the frames the socket would give', async () => {
    const s = setup('http');
    s.hub.becomeReady('sock-1');
    s.http.next.push({
      kind: 'delivered',
      status: 200,
      answer: { type: 'json', value: { metadata: { plan: 'pro' } } },
      reply: {
        kind: 'frame',
        frame: { type: 'conversation_metadata', conversationId: 'c1', metadata: { plan: 'pro' } },
      },
    });
    s.session.request({
      action: 'sendMessage',
      event: { event_type: 'metadata_request', event_payload: { conversation_id: 'c1' } },
    });
    await flush();
    expect(s.frames.at(-1)).toEqual({
      type: 'conversation_metadata',
      conversationId: 'c1',
      metadata: { plan: 'pro' },
    });
  });
});

describe('auto', () => {
  it('an event the HTTP side does not take goes over the socket, once, and later events follow it there', async () => {
    const s = setup('auto');
    s.hub.becomeReady('sock-1');
    s.http.next.push({ kind: 'no-http-side', status: 404, detail: 'Not Found' });
    s.message('m1');
    await flush();
    s.message('m2');
    expect(s.http.posted).toHaveLength(1);
    expect(s.hub.types()).toEqual(['user_message', 'user_message']);
    expect(s.statuses.at(-1)).toMatchObject({ sendMode: 'auto', sendingVia: 'socket' });
  });

  it('a gateway refusal on the socket goes back to HTTP; a second refusal there means neither way: the visitor is told', async () => {
    const s = setup('auto');
    s.hub.becomeReady('sock-1');
    s.http.next.push({ kind: 'no-http-side', status: 404, detail: 'Not Found' });
    s.message('m1');
    await flush();
    expect(s.hub.types()).toEqual(['user_message']);
    s.hub.receive({ type: 'gateway_error', code: 'gateway_forbidden', message: 'Forbidden' });
    await flush();
    expect(s.statuses.at(-1)).toMatchObject({ sendingVia: 'http' });
    // Whether the socket took m1 is for the transcript to say (now over REST); it did not, so m1 goes over HTTP.
    expect(s.http.transcripts.at(-1)).toBe('c1');
    s.http.next.push({ kind: 'no-http-side', status: 404, detail: 'Not Found' });
    s.session.settle([], ['m1']);
    await flush();
    expect(s.http.types()).toEqual(['user_message', 'user_message']);
    expect(s.troubles).toEqual([{ code: 'refused', detail: 'Not Found' }]);
    expect(s.states).toEqual([['m1', 'failed']]);
    expect(s.statuses.at(-1)).toMatchObject({ sendingVia: 'none' });
    expect(s.message('m2')).toBe('refused');
    // The gateway's frame was handled here: the store shows the refusal once, not a second notice.
    expect(s.frames.some((f) => f.type === 'gateway_error')).toBe(false);
  });

  it('a conversation start meeting no HTTP side is asked again over the socket', async () => {
    const s = setup('auto');
    s.noConversation();
    s.hub.becomeReady('sock-1');
    s.http.next.push({ kind: 'no-http-side', status: 405, detail: 'Method Not Allowed' });
    s.session.startConversation({ identity: { userId: 'u' } });
    await flush();
    expect(s.http.types()).toEqual(['conversation_start']);
    expect(s.hub.types()).toEqual(['conversation_start']);
  });
});
