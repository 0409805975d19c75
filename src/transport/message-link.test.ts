import { describe, expect, it } from 'vitest';
import { answer, useLoopbackServers } from './loopback-http.test-helper';
import { fetchMessageLink } from './message-link';

const server = useLoopbackServers();

const big = { botMessage: { content: [{ type: 'text', text: 'a long answer' }] } };

describe('fetchMessageLink', () => {
  it("fetches the hub's link with the key, and decodes the bot message", async () => {
    const hub = await server();
    hub.handle(answer(200, big));
    const scope = { hubUrl: hub.origin.replace('http', 'ws') };
    const result = await fetchMessageLink(`${hub.origin}/large/1`, { scope, apiKey: 'K' });
    expect(result).toEqual({ ok: true, parts: [{ kind: 'text', text: 'a long answer' }] });
    expect(hub.requests[0]!.headers['x-api-key']).toBe('K');
    expect(hub.requests[0]!.headers.cookie).toBeUndefined();
  });

  it('fetches a link elsewhere without the key', async () => {
    const hub = await server();
    const other = await server();
    other.handle(answer(200, big));
    const scope = { hubUrl: hub.origin.replace('http', 'ws'), uploadUrl: `${hub.origin}/upload` };
    expect(await fetchMessageLink(`${other.origin}/large/1`, { scope, apiKey: 'K' })).toMatchObject({
      ok: true,
    });
    expect(other.requests[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('refuses relative links and plaintext links from a remote hub, fetching nothing', async () => {
    const hub = await server();
    const scope = { hubUrl: 'wss://hub.example.com' };
    for (const link of ['/large/1', `${hub.origin}/large/1`]) {
      expect(await fetchMessageLink(link, { scope, apiKey: 'K' })).toMatchObject({
        ok: false,
        reason: 'refused-link',
      });
    }
    expect(hub.requests).toHaveLength(0);
  });

  it('reads the body only up to the cap, and reports what is not a bot message', async () => {
    const hub = await server();
    const scope = { hubUrl: hub.origin.replace('http', 'ws') };
    const link = `${hub.origin}/large/1`;
    hub.handle(answer(200, { botMessage: { content: 'x'.repeat(10_000) } }));
    expect(await fetchMessageLink(link, { scope, apiKey: 'K', maxBytes: 1000 })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    hub.handle(answer(200, { botMessage: {} }));
    expect(await fetchMessageLink(link, { scope, apiKey: 'K' })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    hub.handle(answer(404, 'gone'));
    expect(await fetchMessageLink(link, { scope, apiKey: 'K' })).toEqual({
      ok: false,
      reason: 'http',
      detail: 'HTTP 404',
    });
  });

  it('never follows a redirect while carrying the key', async () => {
    const hub = await server();
    const elsewhere = await server();
    elsewhere.handle(answer(200, big));
    hub.handle(answer(302, '', { location: `${elsewhere.origin}/steal` }));
    const scope = { hubUrl: hub.origin.replace('http', 'ws') };
    expect(await fetchMessageLink(`${hub.origin}/large/1`, { scope, apiKey: 'K' })).toMatchObject({
      ok: false,
      reason: 'network',
    });
    expect(elsewhere.requests).toHaveLength(0);
  });
});
