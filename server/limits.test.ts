import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation } from './conversations';
import type { Hub } from './hub';
import { generatedMessage } from './seed';
import { TestClient, trackHubs, trackTempDirs } from './test-helpers';

const startHub = trackHubs();
const tempDir = trackTempDirs('hub-limits-');

const upload = async (hub: Hub, bytes: number, headers: Record<string, string> = {}) => {
  const form = new FormData();
  form.append('file', new Blob(['x'.repeat(bytes)], { type: 'text/plain' }), 'x.txt');
  const res = await fetch(`${hub.httpUrl}/api/file-to-text`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as { presignedUrl?: string; error?: string } };
};

describe('limits', () => {
  it('keeps at most maxConversations (the oldest go) and maxMessagesPerConversation (the oldest go)', async () => {
    const hub = await startHub({ maxConversations: 3, maxMessagesPerConversation: 5 });
    const client = await TestClient.connect(hub.url);
    const ids = [await client.start(), await client.start(), await client.start(), await client.start()];
    expect(hub.control.conversations().map((c) => c.conversationId)).toEqual(ids.slice(1).reverse());
    const id = ids[3]!;
    hub.control.seed({ conversationId: id, count: 8 });
    const kept = hub.control.conversation(id)!.messages;
    expect(kept).toHaveLength(5);
    expect(kept.map((m) => m.parts)).toEqual([3, 4, 5, 6, 7].map((n) => generatedMessage(n).content));
  });

  it('limits bytes per upload and in total, and asks for a key on uploads when --keys is set', async () => {
    const hub = await startHub({ maxUploadBytes: 100, maxTotalUploadBytes: 150, keys: ['good'] });
    const key = { 'x-api-key': 'good' };
    expect((await upload(hub, 10)).status).toBe(401);
    expect((await upload(hub, 10, { 'x-api-key': 'bad' })).status).toBe(401);
    expect((await upload(hub, 101, key)).status).toBe(413);
    expect((await upload(hub, 100, key)).status).toBe(200);
    const full = await upload(hub, 60, key);
    expect([full.status, full.body.error]).toEqual([507, expect.stringContaining('full')]);
    expect((await upload(hub, 50, key)).status).toBe(200);
  });

  it('forgets conversations and uploads untouched for ttlMs', async () => {
    const hub = await startHub({ ttlMs: 1000 });
    const client = await TestClient.connect(hub.url);
    await client.start();
    const { body } = await upload(hub, 5);
    expect((await fetch(String(body.presignedUrl))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(hub.control.conversations()).toEqual([]);
    expect((await fetch(String(body.presignedUrl))).status).toBe(404);
  });
});

describe('--data folder', () => {
  it('is private: the folder 0700, every file 0600', async () => {
    const dir = path.join(tempDir(), 'data');
    const hub = await startHub({ dataDir: dir });
    const client = await TestClient.connect(hub.url);
    await client.start();
    await upload(hub, 5);
    await hub.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'files')).mode & 0o777).toBe(0o700);
    const files = [
      ...readdirSync(dir).filter((f) => f !== 'files'),
      ...readdirSync(path.join(dir, 'files')).map((f) => `files/${f}`),
    ];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);
  });

  it('loads 200,000 conversations (no spread of unbounded arrays); the limit keeps the newest', async () => {
    const dir = tempDir();
    const now = Date.now();
    const conversations: Conversation[] = Array.from({ length: 200_000 }, (_, i) => ({
      id: `c-${i}`,
      seq: i + 1,
      userId: null,
      userBasicInfo: null,
      metadata: {},
      createdAt: now - 200_000 + i,
      messages: [],
      actions: [],
      agent: { connected: false },
    }));
    writeFileSync(path.join(dir, 'conversations.json'), JSON.stringify({ version: 1, conversations }));
    const all = await startHub({ dataDir: dir, maxConversations: 250_000 });
    expect(all.control.conversations()).toHaveLength(200_000);
    const client = await TestClient.connect(all.url);
    await client.start();
    expect(all.control.conversations()[0]?.conversationId).not.toMatch(/^c-/);
    await all.close();

    const bounded = await startHub({ dataDir: dir, maxConversations: 1000 });
    const kept = bounded.control.conversations();
    expect(kept).toHaveLength(1000);
    expect(kept.at(-1)?.conversationId).toBe('c-199001');
  }, 60_000);
});
