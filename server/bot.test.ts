import { describe, expect, it } from 'vitest';
import { KEYWORDS, QUICK_REPLIES } from './bot-content';
import { TestClient, textOf, trackHubs } from './test-helpers';
import type { Json } from './wire';

const startHub = trackHubs();

async function session(options = {}) {
  const hub = await startHub(options);
  const client = await TestClient.connect(hub.url);
  const id = await client.start();
  return { hub, client, id };
}

const types = (content: unknown) =>
  (content as Json[]).map((p) => (typeof p === 'string' ? 'string' : p.type));

/** Asks the bot `text` and returns the content of its reply. */
async function ask(client: TestClient, id: string, text: string): Promise<Json[]> {
  client.say(id, text);
  return (await client.next('bot_message')).content as Json[];
}

describe('demo bot', () => {
  it('greets bot-first with text and quick replies, and the empty message is not stored', async () => {
    const { hub, client, id } = await session();
    client.say(id, '');
    const content = (await client.next('bot_message')).content as Json[];
    expect(types(content)).toEqual(['text', 'button']);
    expect(content[1]).toEqual({
      type: 'button',
      buttons: { title: expect.any(String), options: QUICK_REPLIES },
    });
    expect(QUICK_REPLIES.map((o) => o.label)).toEqual([
      'Show cards',
      'Send a file',
      'Markdown',
      'Chat to an agent',
    ]);
    expect(hub.control.conversation(id)?.messages.map((m) => m.from)).toEqual(['bot']);
    client.close();
  });

  it('waits replyDelayMs before answering', async () => {
    const { client, id } = await session({ replyDelayMs: 200 });
    const sentAt = Date.now();
    await ask(client, id, 'help');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(180);
    client.close();
  });

  it('answers each keyword (case-insensitive) with its part variants', async () => {
    const { hub, client, id } = await session();
    const base = hub.httpUrl;
    expect(textOf(await ask(client, id, 'HELP'))).toContain(KEYWORDS.map((k) => `**${k}**`).join('\n- '));
    expect(textOf(await ask(client, id, 'Markdown'))).toMatch(/\*\*Bold\*\*.*\*italic\*.*`inline code`/);

    const cards = await ask(client, id, 'Show cards');
    expect(types(cards)).toEqual(['text', 'cards']);
    const list = cards[1]?.cards as Json[];
    expect(list).toHaveLength(3);
    for (const card of list) {
      expect(Object.keys(card).sort()).toEqual(['description', 'image_url', 'link', 'text']);
      expect(card.image_url).toMatch(new RegExp(`^${base}/assets/card-\\d\\.png$`));
    }

    const [pdf] = await ask(client, id, 'send a FILE');
    expect(pdf).toMatchObject({
      type: 'file',
      files: [{ mimetype: 'application/pdf', url: `${base}/assets/sample.pdf` }],
    });
    const [image] = await ask(client, id, 'image');
    expect(image).toMatchObject({
      type: 'file',
      files: [{ mimetype: 'image/png', url: `${base}/assets/image.png` }],
    });

    const links = await ask(client, id, 'links');
    expect(links[1]).toMatchObject({
      type: 'buttons',
      buttons: { type: 'buttons', buttons: expect.any(Array) },
    });
    for (const b of (links[1]!.buttons as Json).buttons as Json[]) expect(b.url).toMatch(`${base}/pages/`);

    expect(await ask(client, id, 'pause')).toEqual([
      { type: 'text', text: expect.any(String) },
      { type: 'pause', time: 1200 },
      { type: 'text', text: expect.any(String) },
    ]);
    const html = await ask(client, id, 'html');
    expect(html.map((p) => typeof p.html)).toEqual(['string', 'object']);
    const md = await ask(client, id, 'md');
    expect(md.map((p) => typeof p.md)).toEqual(['string', 'object']);

    const nested = await ask(client, id, 'nested');
    expect(types(nested)).toEqual(['string', 'cards', 'files', 'md', 'html', 'any']);
    expect(nested[1]).toMatchObject({ cards: { type: 'cards', cards: [expect.any(Object)] } });
    expect(nested[2]).toMatchObject({ files: { type: 'files', files: [{ mimetype: 'application/pdf' }] } });

    expect(textOf(await ask(client, id, 'something else'))).toContain('You said: “something else”');
    client.close();
  });

  it('serves every image and file the demo content points to', async () => {
    const { client, id } = await session();
    const urls = [
      ...((await ask(client, id, 'cards'))[1]!.cards as Json[]).flatMap((c) => [c.image_url, c.link]),
      ...((await ask(client, id, 'file'))[0]!.files as Json[]).map((f) => f.url),
      ...((await ask(client, id, 'image'))[0]!.files as Json[]).map((f) => f.url),
    ];
    for (const url of urls) {
      const res = await fetch(String(url));
      expect(res.status, String(url)).toBe(200);
      if (String(url).endsWith('.png')) expect(res.headers.get('content-type')).toBe('image/png');
    }
    client.close();
  });

  it('sends an action frame with a trailing-space id', async () => {
    const { client, id } = await session();
    expect(textOf(await ask(client, id, 'action'))).toContain('redirectToContactUs');
    const action = await client.next('action');
    expect(action).toEqual({
      actions: [{ id: 'redirectToContactUs ', data: { url: expect.stringMatching(/\/pages\/contact$/) } }],
    });
    client.close();
  });

  it('sends a general_error 400 on "error", top-level or nested', async () => {
    const { hub, client, id } = await session();
    client.say(id, 'error');
    expect(await client.next('general_error')).toMatchObject({ conversation_id: id, error_code: 400 });
    hub.control.setOptions({ nestedErrors: true });
    client.say(id, 'error');
    const nested = await client.next('conversation_update');
    expect(nested).toMatchObject({
      event_type: 'general_error',
      event_payload: { conversation_id: id, error_code: '400', error_desc: expect.any(String) },
    });
    client.close();
  });

  it('acknowledges attached files', async () => {
    const { client, id } = await session();
    client.send('user_message', {
      type: 'message_create',
      client_msg_id: 'c-files',
      conversation_id: id,
      content: {
        type: 'files',
        files: [
          { filename: 'a.txt', type: 'text/plain' },
          { filename: 'b.png', type: 'image/png' },
        ],
      },
    });
    expect(textOf((await client.next('bot_message')).content)).toBe(
      'Thanks, I received 2 files: a.txt, b.png.',
    );
    client.close();
  });
});

describe('long: 413 with message_link', () => {
  it('sends general_error 413 whose link returns the message only with an accepted x-api-key', async () => {
    const { hub, client, id } = await session({ keys: ['test-key'] });
    client.say(id, 'long');
    const error = await client.next('general_error');
    expect(error).toEqual({ conversation_id: id, error_code: 413, message_link: expect.any(String) });
    const link = String(error.message_link);
    expect(link).toMatch(new RegExp(`^${hub.httpUrl}/large-message/[0-9a-f-]{36}$`));

    expect((await fetch(link)).status).toBe(401);
    expect((await fetch(link, { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    const res = await fetch(link, { headers: { 'x-api-key': 'test-key' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { botMessage: { content: Json[] } };
    expect(types(body.botMessage.content)).toEqual(['text', 'text']);
    expect(JSON.stringify(body).length).toBeGreaterThan(32 * 1024);
    expect(client.received.filter((r) => r.eventType === 'bot_message')).toHaveLength(0);

    const missing = await fetch(`${hub.httpUrl}/large-message/nope`, {
      headers: { 'x-api-key': 'test-key' },
    });
    expect(missing.status).toBe(404);
    client.close();
  });
});
