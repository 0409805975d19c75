import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Hub } from './hub';
import { TestClient, trackHubs } from './test-helpers';

const startHub = trackHubs();

/** A raw request, so that Host and Origin can be anything a browser might send. */
const raw = (hub: Hub, method: string, path: string, headers: Record<string, string>, body = '') =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: hub.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

const planted = JSON.stringify({ frame: { event_type: 'bot_message', event_payload: { content: ['x'] } } });

describe('/__control/ on a developer machine', () => {
  it('asks for the run token, and hub.control needs none', async () => {
    const hub = await startHub();
    expect(hub.controlToken).toMatch(/^[\w-]{32}$/);
    const json = { 'content-type': 'application/json' };
    expect((await raw(hub, 'GET', '/__control/conversations', {})).status).toBe(401);
    expect((await raw(hub, 'GET', '/__control/conversations', { 'x-control-token': 'guess' })).status).toBe(
      401,
    );
    const bearer = { authorization: `Bearer ${hub.controlToken}` };
    expect((await raw(hub, 'GET', '/__control/conversations', bearer)).status).toBe(200);
    const ok = await raw(
      hub,
      'POST',
      '/__control/options',
      { ...json, 'x-control-token': hub.controlToken },
      '{}',
    );
    expect(ok.status).toBe(200);
    expect(hub.control.options().acceptSends).toBe('both');
  });

  it('refuses a cross-origin text/plain POST (no preflight) and a JSON POST with a foreign Origin', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const push = (type: string, origin?: string) =>
      raw(
        hub,
        'POST',
        '/__control/push',
        { 'x-control-token': hub.controlToken, 'content-type': type, ...(origin ? { origin } : {}) },
        planted,
      );
    expect((await push('text/plain', 'https://evil.example')).status).toBe(403);
    expect((await push('text/plain')).status).toBe(415);
    const foreign = await push('application/json', 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toEqual({ error: expect.stringContaining('https://evil.example') });
    expect((await push('application/json', `http://localhost:${hub.port}`)).status).toBe(200);
    await client.next('bot_message');
    expect(client.received).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding) and carries no CORS, not even on preflights', async () => {
    const hub = await startHub();
    const token = { 'x-control-token': hub.controlToken, 'content-type': 'application/json' };
    for (const host of [`evil.example:${hub.port}`, 'localhost', `127.0.0.1:${hub.port + 1}`]) {
      expect((await raw(hub, 'POST', '/__control/options', { ...token, host }, '{}')).status, host).toBe(403);
    }
    expect((await raw(hub, 'GET', '/__control/stats', { ...token, host: `[::1]:${hub.port}` })).status).toBe(
      200,
    );
    const preflight = await raw(hub, 'OPTIONS', '/__control/options', {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-control-token',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    const answer = await raw(hub, 'GET', '/__control/stats', token);
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the origins it was given call (the protocol console dev server)', async () => {
    const hub = await startHub({ controlOrigins: ['http://127.0.0.1:5173'] });
    const headers = { 'x-control-token': hub.controlToken, 'content-type': 'application/json' };
    const setStyle = (origin: string) =>
      raw(hub, 'POST', '/__control/options', { ...headers, origin }, '{"transcriptStyle":"normalised"}');
    expect((await setStyle('http://127.0.0.1:5174')).status).toBe(403);
    expect(hub.control.options().transcriptStyle).toBe('verbatim');
    expect((await setStyle('http://127.0.0.1:5173')).status).toBe(200);
    expect(hub.control.options().transcriptStyle).toBe('normalised');
  });
});
