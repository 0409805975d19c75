import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHub } from './hub';
import { TestClient, trackHubs, trackTempDirs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();
const tempDir = trackTempDirs('hub-data-');

async function transcriptOf(url: string, id: string): Promise<Json> {
  const client = await TestClient.connect(url);
  client.send('conversation_transcript_request', { conversation_id: id });
  const transcript = await client.next('conversation_transcript');
  client.close();
  return transcript;
}

describe('--data persistence', () => {
  it('keeps conversations, metadata, user and agent state across a restart', async () => {
    const dir = tempDir();
    const first = await startHub({ dataDir: dir });
    const client = await TestClient.connect(first.url);
    const id = await client.start({ userId: 'persisted', metadata: { plan: 'pro' } });
    client.say(id, '');
    await client.next('bot_message');
    client.say(id, 'cards');
    await client.next('bot_message');
    client.say(id, 'agent');
    await client.next('livechat_message');
    await client.next('livechat_message');
    client.send('metadata', { conversation_id: id, metadata: { extra: true } });
    await client.next('metadata_update_success');
    const before = await transcriptOf(first.url, id);
    client.close();
    await first.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const saved = JSON.parse(readFileSync(path.join(dir, 'conversations.json'), 'utf8'));
    expect(saved.version).toBe(1);

    const second = await startHub({ dataDir: dir });
    expect(await transcriptOf(second.url, id)).toEqual(before);
    expect((before.messages as Json[]).length).toBe(7);
    const again = await TestClient.connect(second.url);
    again.send('get_user_conversations', { userId: 'persisted' });
    expect((await again.next('user_conversations')).conversations).toEqual([
      { conversation_id: id, metadata: { plan: 'pro', extra: true } },
    ]);
    again.say(id, 'still with Dana?');
    expect((await again.next('livechat_message')).conversation_id).toBe(id);
    again.close();
  });

  it('keeps uploads and their presigned URLs across a restart', async () => {
    const dir = tempDir();
    const first = await startHub({ dataDir: dir });
    const form = new FormData();
    form.append('file', new Blob(['kept'], { type: 'text/plain' }), 'kept.txt');
    form.append('path', 'KEY/conv');
    const answer = (await (
      await fetch(`${first.httpUrl}/api/file-to-text`, { method: 'POST', body: form })
    ).json()) as {
      presignedUrl: string;
    };
    await first.close();
    const second = await startHub({ dataDir: dir, port: first.port });
    const res = await fetch(answer.presignedUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('kept');
    await second.close();
  });

  it('flushes on close even before the debounce fires, and refuses a foreign data file', async () => {
    const dir = tempDir();
    const hub = await createHub({ port: 0, dataDir: dir, replyDelayMs: 0, log: () => {} });
    const client = await TestClient.connect(hub.url);
    const id = await client.start();
    await hub.close();
    expect(readFileSync(path.join(dir, 'conversations.json'), 'utf8')).toContain(id);

    const bad = tempDir();
    writeFileSync(path.join(bad, 'conversations.json'), '{"something":"else"}');
    await expect(createHub({ port: 0, dataDir: bad, log: () => {} })).rejects.toThrow(
      /not a hub emulator data file/,
    );
  });
});
