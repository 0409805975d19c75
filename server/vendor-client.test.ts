/**
 * Conformance: the vendor's own client (captivate-chat-api 7.x, which sends over HTTP and receives over the
 * socket) runs every operation against the emulator. Its hosts are hard-coded, so the socket constructor
 * and `fetch` are wrapped to lead them here; the package itself is used as published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WS from 'ws';
import { createHub, type Hub } from './hub';
import type { Json } from './wire';

const VENDOR_HOSTS =
  /^(https:\/\/channel\.(prod|dev)\.captivat\.io|https:\/\/file-to-text\.prod\.captivat\.io)/;
const VENDOR_SOCKET = /^wss:\/\/channel(-dev)?\.wss\.captivatechat\.ai/;

let hub: Hub;
const realFetch = globalThis.fetch;
const seen: string[] = [];

/** The socket the client opens, led to the emulator (Node 20 has no global WebSocket: `ws` stands in). */
class EmulatorSocket extends WS {
  constructor(url: string | URL) {
    super(String(url).replace(VENDOR_SOCKET, hub.url));
  }
}

beforeAll(async () => {
  hub = await createHub({ port: 0, replyDelayMs: 100, agentDelayMs: 20, log: () => {} });
  Object.assign(globalThis, { WebSocket: EmulatorSocket });
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    seen.push(url);
    const led = url.replace(VENDOR_HOSTS, hub.httpUrl);
    return realFetch(input instanceof Request ? new Request(led, input) : led, init);
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  Reflect.deleteProperty(globalThis, 'WebSocket');
  await hub.close();
});

/** Resolves with the first value `register` hands its callback that `accept` takes. */
const first = <T>(
  register: (callback: (value: T) => void) => void,
  accept: (value: T) => boolean = () => true,
) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), 5000);
    register((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      resolve(value);
    });
  });

const textOf = (content: unknown) => JSON.stringify(content);

type Api = Awaited<ReturnType<typeof import('captivate-chat-api')['CaptivateChatAPI']['create']>>;
type Conversation = Awaited<ReturnType<Api['createConversation']>>;

// One client session, one operation per test, in order (a failure names the operation).
describe.sequential('captivate-chat-api 7.x against the emulator', () => {
  let api: Api;
  let botFirst: Conversation;
  let conv: Conversation;
  let id: string;
  let transcript: Json[];

  afterAll(() => api?.dispose());

  it('connects and gets a socket_id', async () => {
    const { CaptivateChatAPI } = await import('captivate-chat-api');
    api = await CaptivateChatAPI.create('vendor-key', 'prod');
    // the client wraps every method but a few in an async socket guard, getSocketId() included
    expect(await Promise.resolve(api.getSocketId())).toEqual(expect.any(String));
  });

  it('createConversation bot-first: the greeting arrives on the socket', async () => {
    botFirst = await api.createConversation('vendor-user', { name: 'Ada' }, { page: 'home' }, 'bot-first');
    const greeting = await first<unknown>((cb) => botFirst.onMessage((content) => cb(content)));
    expect(textOf(greeting)).toMatch(/help|Hi|Hello/i);
  });

  it('createConversation user-first and sendMessage', async () => {
    conv = await api.createConversation('vendor-user', {}, { page: 'pricing' }, 'user-first');
    id = conv.getConversationId();
    expect(hub.control.conversation(id)?.messages).toEqual([]);
    const reply = first<unknown>((cb) => conv.onMessage((content) => cb(content)));
    await conv.sendMessage('help');
    expect(textOf(await reply)).toContain('text');
  });

  it('setMetadata and getMetadata', async () => {
    await conv.setMetadata({ plan: 'pro' });
    expect(await conv.getMetadata()).toEqual({ page: 'pricing', plan: 'pro' });
  });

  it('setPrivateMetadata, never returned by getMetadata', async () => {
    await conv.setPrivateMetadata({ crm: 42 });
    expect(await conv.getMetadata()).toEqual({ page: 'pricing', plan: 'pro' });
    expect(hub.control.conversation(id)?.metadata.private).toEqual({ crm: 42 });
  });

  it('getTranscript', async () => {
    transcript = (await conv.getTranscript()) as Json[];
    expect(transcript.map((e) => e.from)).toEqual(['user', 'bot']);
    expect(transcript[0]).toMatchObject({ text: 'help' });
  });

  it('editMessage', async () => {
    await conv.editMessage(String(transcript[0]?.id), 'help me please');
    expect(hub.control.conversation(id)?.messages[0]?.parts).toEqual([
      { type: 'text', text: 'help me please' },
    ]);
  });

  it('sendAction escalateToHuman: a conversation_update follows', async () => {
    const update = first<{ type: string }>(
      (cb) => conv.onConversationUpdate(cb),
      (u) => u.type === 'livechatAgentConnected',
    );
    await conv.sendAction('escalateToHuman');
    expect(await update).toMatchObject({ type: 'livechatAgentConnected', conversationId: id });
  });

  it('getUserConversations, plain and paged', async () => {
    const plain = await api.getUserConversations('vendor-user');
    expect(plain.conversations.map((c) => c.getConversationId()).sort()).toEqual(
      [id, botFirst.getConversationId()].sort(),
    );
    const paged = await api.getUserConversations({
      userId: 'vendor-user',
      pagination: { page: 1, limit: 1 },
    });
    expect(paged.conversations.map((c) => c.getConversationId())).toEqual([id]);
    expect(paged.pagination).toMatchObject({
      page: 1,
      pageSize: 1,
      total: 2,
      totalPages: 2,
      hasNextPage: true,
    });
  });

  it('delete one conversation', async () => {
    await conv.delete();
    expect(hub.control.conversation(id)).toBeUndefined();
    expect(hub.control.conversations()).toHaveLength(1);
  });

  it('deleteUserConversations', async () => {
    await api.deleteUserConversations('vendor-user');
    expect(hub.control.conversations()).toEqual([]);
  });

  it('sent everything over HTTP, to the vendor hosts (led here)', () => {
    const sends = hub.control.frames();
    expect(sends.length).toBeGreaterThan(10);
    expect(sends.every((f) => f.via === 'http')).toBe(true);
    expect(seen.every((url) => VENDOR_HOSTS.test(url))).toBe(true);
  });
});
