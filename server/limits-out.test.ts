import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Hub } from './hub';
import { TestClient, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();
afterEach(() => vi.useRealTimers());

async function upload(hub: Hub, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
  form.append('storage', 'true');
  const res = await fetch(`${hub.httpUrl}/api/file-to-text`, { method: 'POST', body: form, headers });
  return (await res.json()) as { fileKey: string; presignedUrl: string; expiresIn: number };
}

const presign = (hub: Hub, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${hub.httpUrl}/api/presigned-url`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('maxFrameOut', () => {
  it('turns a bot message over the limit into a 413 general_error whose link serves it', async () => {
    const hub = await startHub({ maxFrameOut: 400 });
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    client.say(id, 'markdown');
    const error = await client.next('general_error');
    expect(error).toMatchObject({ conversation_id: id, error_code: 413, message_link: expect.any(String) });
    const res = await fetch(String(error.message_link), { headers: { 'x-api-key': 'k' } });
    const body = (await res.json()) as { botMessage: { content: unknown[] } };
    expect(body.botMessage.content).toEqual(hub.control.conversation(id)?.messages[1]?.parts);
    expect(client.received.filter((r) => r.eventType === 'bot_message')).toEqual([]);
  });

  it('does not deliver a transcript over the limit over the socket; REST serves it', async () => {
    const hub = await startHub();
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    hub.control.seed({ conversationId: id, count: 600 });
    hub.control.setOptions({ maxFrameOut: 64 * 1024 });
    client.send('conversation_transcript_request', { conversation_id: id });
    client.say(id, 'hi');
    await client.next('bot_message'); // sent after the transcript request, so the transcript was dropped
    expect(client.received.map((r) => r.eventType)).toEqual([]);
    const res = await fetch(`${hub.httpUrl}/api/transcript?conversation_id=${id}`, {
      headers: { 'x-api-key': 'k' },
    });
    expect(((await res.json()) as { transcript: unknown[] }).transcript).toHaveLength(602);
    // what a test injects goes out as given
    const pad = 'x'.repeat(70_000);
    expect(hub.control.push(id, { event_type: 'bot_message', event_payload: { pad } })).toBe(1);
    expect((await client.next('bot_message')).pad).toBe(pad);
  });
});

describe('transcriptStyle over the socket', () => {
  it('normalised: bot parts merged, text trimmed, files lifted out, message_id on every entry', async () => {
    const hub = await startHub({ transcriptStyle: 'normalised' });
    const file = { filename: 'a.pdf', type: 'application/pdf', url: 'https://x/a.pdf' };
    const { conversationId } = hub.control.seed({
      messages: [
        {
          from: 'user',
          content: [
            { type: 'text', text: ' hi ' },
            { type: 'files', files: [file] },
          ],
        },
        { from: 'bot', content: [{ type: 'text', text: 'one ' }] },
        { from: 'bot', content: [{ type: 'text', text: 'two' }] },
      ],
    })!;
    const client = await TestClient.connect(hub.url);
    client.send('conversation_transcript_request', { conversation_id: conversationId });
    const entries = (await client.next('conversation_transcript')).messages as Json[];
    const ids = hub.control.conversation(conversationId)!.messages.map((m) => m.id);
    expect(entries).toEqual([
      expect.objectContaining({
        from: 'user',
        message_id: ids[0],
        messages: [{ type: 'text', text: 'hi' }],
        files: [file],
      }),
      expect.objectContaining({
        from: 'bot',
        message_id: ids[1],
        messages: expect.objectContaining({
          messages: [
            { type: 'text', text: 'one' },
            { type: 'text', text: 'two' },
          ],
        }),
      }),
    ]);
  });
});

describe('presigned file links', () => {
  it('expire after fileUrlTtlS (403 then), and /api/presigned-url hands out a fresh one', async () => {
    const hub = await startHub();
    const up = await upload(hub);
    expect(up.expiresIn - Date.now() / 1000).toBeGreaterThan(7190);
    expect(up.expiresIn - Date.now() / 1000).toBeLessThanOrEqual(7200);
    expect((await fetch(up.presignedUrl)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 7201_000 });
    expect((await fetch(up.presignedUrl)).status).toBe(403);

    const res = await presign(hub, { fileKey: up.fileKey, expiresIn: 60 });
    const fresh = (await res.json()) as Json;
    expect(fresh).toEqual({ success: true, presignedUrl: expect.any(String), expiresIn: expect.any(Number) });
    expect(Number(fresh.expiresIn) - Date.now() / 1000).toBeCloseTo(60, -1);
    const served = await fetch(String(fresh.presignedUrl));
    expect([served.status, await served.text()]).toEqual([200, 'hello']);

    expect((await presign(hub, { fileKey: 'nope', expiresIn: 60 })).status).toBe(404);
    expect((await presign(hub, { fileKey: up.fileKey, expiresIn: -1 })).status).toBe(400);
    expect((await presign(hub, { expiresIn: 60 })).status).toBe(400);
  });

  it('uses the run-time fileUrlTtlS, and asks for a key when the hub has a key list', async () => {
    const hub = await startHub({ keys: ['good'], fileUrlTtlS: 60 });
    const up = await upload(hub, { 'x-api-key': 'good' });
    expect(up.expiresIn - Date.now() / 1000).toBeLessThanOrEqual(60);
    hub.control.setOptions({ fileUrlTtlS: 3600 });
    expect((await presign(hub, { fileKey: up.fileKey })).status).toBe(401);
    const res = await presign(hub, { fileKey: up.fileKey }, { 'x-api-key': 'good' });
    const { expiresIn } = (await res.json()) as { expiresIn: number };
    expect(expiresIn - Date.now() / 1000).toBeGreaterThan(3500);
  });
});
