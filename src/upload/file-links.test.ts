import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLinks, presignedUrlEndpoint } from './file-links';

interface Seen {
  url: string | undefined;
  key: string | undefined;
  body: unknown;
  cookie: string | undefined;
}

let server: Server;
let origin: string;
let seen: Seen[];
let answer: (req: IncomingMessage) => { status: number; body: string };

beforeEach(async () => {
  seen = [];
  answer = () => ({
    status: 200,
    body: JSON.stringify({ success: true, presignedUrl: 'https://files.example/new' }),
  });
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      seen.push({
        url: req.url,
        key: req.headers['x-api-key'] as string | undefined,
        body: raw ? JSON.parse(raw) : undefined,
        cookie: req.headers.cookie,
      });
      const { status, body } = answer(req);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createFileLinks', () => {
  it('asks the upload origin for a fresh link with the key, and returns it', async () => {
    const links = createFileLinks({ uploadUrl: `${origin}/api/file-to-text`, apiKey: 'K', lifetimeS: 600 });
    await expect(links.fresh('K/c1/a.png')).resolves.toBe('https://files.example/new');
    expect(seen).toEqual([
      {
        url: '/api/presigned-url',
        key: 'K',
        body: { fileKey: 'K/c1/a.png', expiresIn: 600 },
        cookie: undefined,
      },
    ]);
  });

  it('asks once per key, however often the file is rendered', async () => {
    const links = createFileLinks({ uploadUrl: origin, apiKey: 'K' });
    const all = await Promise.all([links.fresh('a'), links.fresh('a'), links.fresh('b')]);
    expect(all).toEqual([
      'https://files.example/new',
      'https://files.example/new',
      'https://files.example/new',
    ]);
    expect(seen.map((s) => (s.body as { fileKey: string }).fileKey).sort()).toEqual(['a', 'b']);
  });

  it('gives undefined for a refusal, a failure, a non-http link or garbage, and does not ask again', async () => {
    const answers = [
      { status: 403, body: '{"message":"Forbidden"}' },
      { status: 200, body: '{"success":false,"presignedUrl":"https://x.example/"}' },
      { status: 200, body: '{"success":true,"presignedUrl":"javascript:alert(1)"}' },
      { status: 200, body: 'not json' },
      { status: 500, body: '{}' },
    ];
    for (const [i, a] of answers.entries()) {
      answer = () => a;
      const links = createFileLinks({ uploadUrl: origin, apiKey: 'K' });
      await expect(links.fresh(`k${i}`)).resolves.toBeUndefined();
      await expect(links.fresh(`k${i}`)).resolves.toBeUndefined();
    }
    expect(seen).toHaveLength(answers.length);
  });

  it('gives undefined when the service is unreachable or too slow', async () => {
    const closed = createFileLinks({ uploadUrl: 'http://127.0.0.1:9/', apiKey: 'K' });
    await expect(closed.fresh('k')).resolves.toBeUndefined();
    answer = () => ({ status: 200, body: '{}' });
    const stalled = createFileLinks({
      uploadUrl: origin,
      apiKey: 'K',
      timeoutMs: 50,
      fetch: () =>
        new Promise((_, reject) => setTimeout(() => reject(new DOMException('timeout', 'TimeoutError')), 60)),
    });
    await expect(stalled.fresh('k')).resolves.toBeUndefined();
  });

  it('has no endpoint for an upload URL that is not a URL', async () => {
    expect(presignedUrlEndpoint('not a url')).toBeUndefined();
    expect(presignedUrlEndpoint('https://up.example:8443/x/y?z')).toBe(
      'https://up.example:8443/api/presigned-url',
    );
    await expect(createFileLinks({ uploadUrl: 'nope', apiKey: 'K' }).fresh('k')).resolves.toBeUndefined();
  });
});
