import { afterEach, describe, expect, it } from 'vitest';
import { action, metadataRequest, userMessage } from '../protocol';
import { createHttpSide, EVENT_PATH, type HttpSideOptions } from './http-side';
import { answer, useLoopbackServers } from './loopback-http.test-helper';

const server = useLoopbackServers();
const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function side(httpUrl: string, extra: Partial<HttpSideOptions> = {}) {
  const s = createHttpSide({ httpUrl, apiKey: 'KEY-1', timeoutMs: 2000, online: () => true, ...extra });
  cleanup.push(() => s.close());
  return s;
}

const message = userMessage({ conversationId: 'c1', clientMsgId: 'm1', text: 'hello' });

describe('sending an event', () => {
  it('POSTs the envelope with the socket id, the key and a JSON content type', async () => {
    const hub = await server();
    hub.handle(answer(200, 'OK'));
    const outcome = await side(hub.origin).send(message, 'sock-1');
    expect(outcome).toEqual({
      kind: 'delivered',
      status: 200,
      answer: { type: 'text', value: 'OK' },
      reply: { kind: 'none' },
    });
    const [req] = hub.requests;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(EVENT_PATH);
    expect(req!.headers['x-api-key']).toBe('KEY-1');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers.cookie).toBeUndefined();
    expect(JSON.parse(req!.body)).toEqual({
      action: 'sendMessage',
      event: { ...message.event, socket_id: 'sock-1' },
    });
  });

  it('keeps a path prefix of the http-url', async () => {
    const hub = await server();
    await side(`${hub.origin}/hub`).send(message, 'sock-1');
    expect(hub.requests[0]!.url).toBe(`/hub${EVENT_PATH}`);
  });

  it('returns a JSON answer parsed, labelled or not', async () => {
    const hub = await server();
    hub.handle(answer(200, { metadata: { plan: 'pro' } }));
    const s = side(hub.origin);
    expect(await s.send(metadataRequest('c1'), 'sock-1')).toMatchObject({
      kind: 'delivered',
      answer: { type: 'json', value: { metadata: { plan: 'pro' } } },
      reply: {
        kind: 'frame',
        frame: { type: 'conversation_metadata', conversationId: 'c1', metadata: { plan: 'pro' } },
      },
    });
    hub.handle(answer(200, '{"conversations":[]}'));
    expect(await s.send(metadataRequest('c1'), 'sock-1')).toMatchObject({
      answer: { type: 'json', value: { conversations: [] } },
    });
    hub.handle(answer(200, '{not json', { 'content-type': 'application/json' }));
    expect(await s.send(metadataRequest('c1'), 'sock-1')).toMatchObject({
      kind: 'delivered',
      answer: { type: 'text', value: '{not json' },
    });
  });

  it('sends nothing without a socket id, or when the frame is over the limit', async () => {
    const hub = await server();
    const s = side(hub.origin);
    expect(await s.send(message, undefined)).toMatchObject({ kind: 'stale-socket' });
    const big = userMessage({ conversationId: 'c1', clientMsgId: 'm2', text: 'x'.repeat(40_000) });
    expect(await s.send(big, 'sock-1')).toMatchObject({ kind: 'too-large' });
    expect(hub.requests).toHaveLength(0);
  });

  it('never sends the key to a plaintext non-loopback http-url', async () => {
    const requested: string[] = [];
    const s = side('http://hub.example.com', {
      fetch: async (input) => {
        requested.push(String(input));
        return new Response('OK');
      },
    });
    expect(await s.send(message, 'sock-1')).toMatchObject({ kind: 'no-http-side' });
    expect(requested).toEqual([]);
  });

  it('asks fetch for no credentials, no redirects and no cache', async () => {
    const hub = await server();
    const inits: RequestInit[] = [];
    const s = side(hub.origin, {
      fetch: (input, init) => {
        inits.push(init!);
        return fetch(input, init);
      },
    });
    await s.send(action({ conversationId: 'c1', id: 'escalateToHuman' }), 'sock-1');
    expect(inits[0]).toMatchObject({ credentials: 'omit', redirect: 'manual', cache: 'no-store' });
  });
});

describe('classifying answers from a real server', () => {
  it.each([
    [404, 'Not Found', 'no-http-side'],
    [405, 'Method Not Allowed', 'no-http-side'],
    [501, 'Not Implemented', 'no-http-side'],
    [403, { message: 'Missing Authentication Token' }, 'no-http-side'],
    [403, { message: 'Forbidden' }, 'unauthorized'],
    [401, { message: 'Unauthorized' }, 'unauthorized'],
    [400, { message: 'Invalid socket_id' }, 'stale-socket'],
    [400, { error: 'GoneException: sock-1' }, 'stale-socket'],
    [410, 'Gone', 'stale-socket'],
    [400, { message: 'content is required' }, 'rejected'],
    [422, 'Unprocessable', 'rejected'],
    [413, 'Payload Too Large', 'rejected'],
  ])('%i %j → %s', async (status, body, kind) => {
    const hub = await server();
    hub.handle(answer(status, body));
    const outcome = await side(hub.origin).send(message, 'sock-1');
    expect(outcome.kind).toBe(kind);
    expect(outcome).toMatchObject({ status });
  });

  it.each([
    [429, false],
    [408, false],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
  ])('%i → retry, may have arrived: %s', async (status, mayHaveArrived) => {
    const hub = await server();
    hub.handle(answer(status, { message: 'busy' }, { 'retry-after': '3' }));
    expect(await side(hub.origin).send(message, 'sock-1')).toEqual({
      kind: 'retry',
      status,
      mayHaveArrived,
      retryAfterMs: 3000,
      detail: 'busy',
    });
  });

  it('does not follow a redirect, so the key stays with the configured origin', async () => {
    const elsewhere = await server();
    const hub = await server();
    hub.handle(answer(307, '', { location: `${elsewhere.origin}${EVENT_PATH}` }));
    expect(await side(hub.origin).send(message, 'sock-1')).toMatchObject({
      kind: 'no-http-side',
      status: 307,
    });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('reads an answer only up to the cap; the event is delivered all the same', async () => {
    const hub = await server();
    hub.handle(answer(200, { conversations: 'x'.repeat(5000) }));
    expect(await side(hub.origin, { maxAnswerBytes: 1000 }).send(message, 'sock-1')).toMatchObject({
      kind: 'delivered',
      answer: { type: 'unreadable' },
    });
  });
});

describe('classifying requests without an answer', () => {
  it('an HTTP side that never answered is not there: the event did not arrive', async () => {
    const hub = await server();
    const origin = hub.origin;
    await hub.close();
    const s = side(origin);
    expect(await s.send(message, 'sock-1')).toMatchObject({ kind: 'no-http-side' });
    expect(s.answered).toBe(false);
  });

  it('offline, a failed request says nothing about the HTTP side', async () => {
    const hub = await server();
    const origin = hub.origin;
    await hub.close();
    expect(await side(origin, { online: () => false }).send(message, 'sock-1')).toMatchObject({
      kind: 'retry',
      mayHaveArrived: true,
    });
  });

  it('a connection lost after the HTTP side has answered may have delivered the event', async () => {
    const hub = await server();
    const s = side(hub.origin);
    expect(await s.send(message, 'sock-1')).toMatchObject({ kind: 'delivered' });
    expect(s.answered).toBe(true);
    hub.handle((_req, res) => res.socket?.destroy());
    expect(await s.send(message, 'sock-1')).toMatchObject({ kind: 'retry', mayHaveArrived: true });
    expect(hub.requests).toHaveLength(2);
  });

  it('a timeout may have delivered the event, whether or not the side answered before', async () => {
    const hub = await server();
    hub.handle(() => {});
    const outcome = await side(hub.origin, { timeoutMs: 150 }).send(message, 'sock-1');
    expect(outcome).toEqual({ kind: 'retry', mayHaveArrived: true, detail: 'timed out' });
    expect(hub.requests).toHaveLength(1);
  });

  it('a timeout also covers an answer that stalls halfway', async () => {
    const hub = await server();
    hub.handle((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.write('{"message":');
    });
    expect(await side(hub.origin, { timeoutMs: 150 }).send(message, 'sock-1')).toMatchObject({
      kind: 'retry',
      status: 500,
      mayHaveArrived: true,
    });
  });

  it('close() aborts what is in flight and sends nothing more', async () => {
    const hub = await server();
    hub.handle(() => {});
    const s = side(hub.origin, { timeoutMs: 5000 });
    const pending = s.send(message, 'sock-1');
    await new Promise((r) => setTimeout(r, 50));
    s.close();
    expect(await pending).toMatchObject({ kind: 'retry', mayHaveArrived: true });
    expect(await s.send(message, 'sock-1')).toMatchObject({ kind: 'retry', mayHaveArrived: false });
    expect(hub.requests).toHaveLength(1);
  });
});

describe('the REST transcript', () => {
  it('GETs the transcript of one conversation with the key, decoded like the socket one', async () => {
    const hub = await server();
    hub.handle(
      answer(200, {
        transcript: [
          { from: 'user', messages: [{ type: 'text', text: 'hi' }] },
          { from: 'bot', messages: [{ type: 'text', text: 'hello' }] },
        ],
      }),
    );
    const outcome = await side(hub.origin).transcript('c 1/ü');
    const [req] = hub.requests;
    expect(req!.method).toBe('GET');
    expect(req!.url).toBe('/api/transcript?conversation_id=c%201%2F%C3%BC');
    expect(req!.headers['x-api-key']).toBe('KEY-1');
    expect(outcome).toEqual({
      kind: 'transcript',
      result: {
        ok: true,
        frame: {
          type: 'conversation_transcript',
          conversationId: 'c 1/ü',
          entries: [
            { sender: 'user', parts: [{ kind: 'text', text: 'hi' }], actions: [] },
            { sender: 'bot', parts: [{ kind: 'text', text: 'hello' }], actions: [] },
          ],
        },
      },
    });
  });

  it('classifies a failed transcript request like a send, and rejects an answer that is not one', async () => {
    const hub = await server();
    const s = side(hub.origin);
    hub.handle(answer(404, 'Not Found'));
    expect(await s.transcript('c1')).toMatchObject({ kind: 'no-http-side', status: 404 });
    hub.handle(answer(400, { message: 'socket? no: bad conversation_id' }));
    expect(await s.transcript('c1')).toMatchObject({ kind: 'rejected', status: 400 });
    hub.handle(answer(200, 'OK'));
    expect(await s.transcript('c1')).toMatchObject({
      kind: 'transcript',
      result: { ok: false, rejection: { reason: 'not_json' } },
    });
  });
});
