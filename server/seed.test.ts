import { describe, expect, it } from 'vitest';
import type { Hub } from './hub';
import { generatedMessage, MAX_SEED_MESSAGES } from './seed';
import { TestClient, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();

const seed = async (hub: Hub, body: unknown) => {
  const res = await fetch(`${hub.httpUrl}/__control/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-control-token': hub.controlToken },
    body: JSON.stringify(body),
  });
  return [res.status, await res.json()] as [number, Json];
};

describe('seeding stored messages', () => {
  it('creates a conversation whose transcript holds the seeded and generated messages', async () => {
    const hub = await startHub();
    const [status, answer] = await seed(hub, {
      userId: 'u-seed',
      messages: [{ from: 'agent', content: [{ type: 'text', text: 'Hello from Dana' }] }],
      count: 4,
    });
    expect(status).toBe(200);
    expect(answer).toEqual({ conversationId: expect.any(String), messageCount: 5 });
    const conversationId = String(answer.conversationId);
    expect(hub.control.conversations()[0]).toMatchObject({ conversationId, userId: 'u-seed' });

    const client = await TestClient.connect(hub.url);
    client.send('conversation_transcript_request', { conversation_id: conversationId });
    const transcript = await client.next('conversation_transcript');
    const entries = transcript.messages as Json[];
    expect(entries.map((e) => String(e.from).trim())).toEqual(['agent', 'bot', 'user', 'bot', 'user']);
    expect(JSON.stringify(entries[2])).toContain('Question 2');
    client.close();
  });

  it('appends to an existing conversation, in process as over HTTP', async () => {
    const hub = await startHub();
    const first = hub.control.seed({ count: 3 })!;
    const again = hub.control.seed({ conversationId: first.conversationId, count: 2 });
    expect(again).toEqual({ conversationId: first.conversationId, messageCount: 5 });
    const stored = hub.control.conversation(first.conversationId)!.messages;
    expect(stored.map((m) => m.from)).toEqual(['user', 'bot', 'user', 'bot', 'user']);
    expect(hub.control.seed({ conversationId: 'nope', count: 1 })).toBeUndefined();
    expect((await seed(hub, { conversationId: 'nope', count: 1 }))[0]).toBe(404);
  });

  it('refuses malformed requests', async () => {
    const hub = await startHub();
    for (const body of [
      { count: -1 },
      { count: 1.5 },
      { count: MAX_SEED_MESSAGES + 1 },
      { messages: 'x' },
      { messages: [{ from: 'robot', content: [] }] },
      { messages: [{ from: 'bot', content: 'text' }] },
    ]) {
      expect((await seed(hub, body))[0]).toBe(400);
    }
    expect(hub.control.conversations()).toHaveLength(0);
  });

  it('generates distinct visitor questions and markdown answers', () => {
    const texts = Array.from({ length: 12 }, (_, n) => JSON.stringify(generatedMessage(n).content));
    expect(new Set(texts).size).toBe(12);
    expect(generatedMessage(0).from).toBe('user');
    expect(generatedMessage(1)).toMatchObject({ from: 'bot' });
    expect(texts.slice(1).some((t) => t.includes('**'))).toBe(true);
  });
});
