import { describe, expect, it } from 'vitest';
import { TestClient, textOf, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();

async function session(options = {}) {
  const hub = await startHub(options);
  const client = await TestClient.connect(hub.url);
  const id = await client.start();
  return { hub, client, id };
}

async function expectAgentConnected(client: TestClient, id: string, base: string) {
  const update = await client.next('conversation_update');
  expect(update).toEqual({
    type: 'livechatAgentConnected',
    conversation_id: id,
    data: { agentInfo: { name: 'Dana', avatar: `${base}/assets/dana.png` } },
  });
  const hello = await client.next('livechat_message');
  expect(hello).toMatchObject({ type: 'message_create', conversation_id: id });
  expect(textOf(hello.content)).toMatch(/^Hi, I'm Dana/);
  const picture = await client.next('livechat_message');
  expect(picture.content).toEqual([
    {
      type: 'files',
      files: [{ type: 'image', url: `${base}/assets/agent-photo.png`, mimetype: 'image', filename: null }],
    },
  ]);
  expect((await fetch(`${base}/assets/dana.png`)).headers.get('content-type')).toBe('image/png');
}

describe('live agent', () => {
  it('connects on "Talk to a human", answers instead of the bot, and leaves on "bye"', async () => {
    const { hub, client, id } = await session();
    client.say(id, 'Talk to a human');
    const wait = await client.next('bot_message');
    expect(textOf(wait.content)).toBe('Please wait while I connect you to the support team.');
    await expectAgentConnected(client, id, hub.httpUrl);
    expect(hub.control.conversations()[0]?.agentConnected).toBe(true);

    client.say(id, 'cards please');
    expect(textOf((await client.next('livechat_message')).content)).toContain('You wrote: “cards please”');
    expect(client.received.some((r) => r.eventType === 'bot_message')).toBe(false);

    client.say(id, 'Bye!');
    expect(textOf((await client.next('livechat_message')).content)).toMatch(/^Goodbye/);
    expect(await client.next('conversation_update')).toEqual({
      type: 'livechatAgentDisconnected',
      conversation_id: id,
      data: {},
    });
    client.say(id, 'help');
    expect(textOf((await client.next('bot_message')).content)).toContain('keywords');
    client.close();
  });

  it('connects on the escalateToHuman action (trailing space, or `title` form) and waits agentDelayMs', async () => {
    const { hub, client, id } = await session({ agentDelayMs: 150 });
    const sentAt = Date.now();
    client.send('action', { type: 'normal', title: 'escalateToHuman ', data: {}, conversation_id: id });
    await client.next('bot_message');
    await expectAgentConnected(client, id, hub.httpUrl);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(140);
    client.send('action', { type: 'normal', id: 'escalateToHuman', data: {}, conversation_id: id });
    client.say(id, 'still there?');
    expect(textOf((await client.next('livechat_message')).content)).toContain('still there?');
    expect(client.received.map((r) => r.eventType)).toEqual([]);
    client.close();
  });

  it('records other actions without answering them', async () => {
    const { hub, client, id } = await session();
    client.send('action', { type: 'normal', id: 'getLocation', data: { x: 1 }, conversation_id: id });
    client.say(id, 'help');
    await client.next('bot_message');
    expect(hub.control.conversation(id)?.actions).toEqual([
      expect.objectContaining({ id: 'getLocation', type: 'normal', data: { x: 1 } }),
    ]);
    expect(client.received).toEqual([]);
    client.close();
  });

  it('fails the assignment with agentFailureRate 1', async () => {
    const { hub, client, id } = await session({ agentFailureRate: 1 });
    client.say(id, 'agent');
    await client.next('bot_message');
    expect(await client.next('conversation_update')).toEqual({
      type: 'failedAgentAssignment',
      conversation_id: id,
      data: {},
    });
    expect(textOf((await client.next('bot_message')).content)).toMatch(/no one is available/);
    expect(hub.control.conversation(id)?.agent.connected).toBe(false);
    hub.control.setOptions({ agentFailureRate: 0 });
    client.say(id, 'human');
    await client.next('bot_message');
    await expectAgentConnected(client, id, hub.httpUrl);
    client.close();
  });

  it('uses the random source against agentFailureRate', async () => {
    const { client, id } = await session({ agentFailureRate: 0.5, random: () => 0.49 });
    client.say(id, 'agent');
    await client.next('bot_message');
    expect(((await client.next('conversation_update')) as Json).type).toBe('failedAgentAssignment');
    client.close();
  });
});
