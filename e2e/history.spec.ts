/**
 * Conversation history (issue 4 §5) against the built widget and the emulator: the list and opening an older
 * conversation, pagination, deleting one and all (after a confirmation), the transcript download, and the
 * JS API's getMetadata / deleteConversation, also through the iframe bridge.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import type { Hub } from '../server/hub';
import { settled } from './support/a11y';
import { expect, storedConversationId, test, type Widget } from './support/fixtures';

/** The anonymous user id the widget stored for this page. */
function storedUserId(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.endsWith(':user')) return JSON.parse(localStorage.getItem(key)!) as string;
    }
    return '';
  });
}

/** Starts `count` conversations for `userId` from a plain socket, as another device of the visitor would. */
/** Seeds conversations over a raw socket (the hub takes socket sends meanwhile, whatever its send mode). */
async function startConversations(hub: Hub, userId: string, count: number): Promise<void> {
  const accepted = hub.control.options().acceptSends;
  hub.control.setOptions({ acceptSends: 'both' });
  try {
    await startOverSocket(hub.url, userId, count);
  } finally {
    hub.control.setOptions({ acceptSends: accepted });
  }
}

async function startOverSocket(hubUrl: string, userId: string, count: number): Promise<void> {
  const ws = new WebSocket(`${hubUrl}?apiKey=e2e-key`);
  const started = new Promise<void>((resolve, reject) => {
    let n = 0;
    ws.on('error', reject);
    ws.on('message', (raw) => {
      const type = (JSON.parse(String(raw)) as { event?: { event_type?: string } }).event?.event_type;
      // One start in flight at a time: conversation_start_success carries no correlation id.
      if (type === 'socket_connected' || type === 'conversation_start_success') {
        if (type === 'conversation_start_success') n += 1;
        if (n === count) return resolve();
        ws.send(
          JSON.stringify({
            action: 'sendMessage',
            event: {
              event_type: 'conversation_start',
              event_payload: { userId, metadata: { topic: `other ${n}` } },
            },
          }),
        );
      }
    });
  });
  await started;
  ws.close();
}

async function openMenu(w: Widget, item: string): Promise<void> {
  await w.panel.getByRole('button', { name: 'Conversation menu' }).click();
  await w.panel.getByRole('menuitem', { name: item, exact: true }).click();
}

/** Opens the panel, waits for the greeting, then sends `text` and waits for the echo. */
async function chat(w: Widget, text: string): Promise<void> {
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
  await w.send(text);
  await expect(w.log.locator('[data-sender="bot"]').filter({ hasText: text })).toBeVisible();
}

test('the list shows past conversations, marks the current one, and opens an older one', {
  tag: '@every-mode',
}, async ({ page, openHost, hub, sendMode }) => {
  const w = await openHost(page);
  await w.launcher.click();
  await chat(w, 'first topic');
  const first = await storedConversationId(page);
  await openMenu(w, 'New conversation');
  await expect.poll(() => storedConversationId(page)).not.toBe(first);
  await chat(w, 'second topic');
  const second = await storedConversationId(page);

  const start = (await hub.control.frames({ type: 'conversation_start' })).at(-1)!;
  expect((start.payload as { userId: string }).userId).toBe(await storedUserId(page));
  expect(await storedUserId(page)).toMatch(/^anon-/);

  await openMenu(w, 'Conversations');
  const heading = w.panel.getByRole('heading', { name: 'Conversations' });
  await expect(heading).toBeFocused();
  await expect(w.composer).toBeHidden();
  const items = w.panel.getByRole('button', { name: /^Conversation from/ });
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(0)).toContainText('Current');
  await settled(page);
  const axe = await new AxeBuilder({ page }).include('captivate-chat').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await items.nth(1).click();
  await expect(w.composer).toBeFocused();
  await expect(w.log.locator('[data-sender="user"]').filter({ hasText: 'first topic' })).toBeVisible();
  await expect(w.log.getByText('second topic')).toHaveCount(0);
  expect(await storedConversationId(page)).toBe(first);
  if (sendMode === 'socket') {
    // (Over HTTP the transcript comes from the REST route, which is no event.)
    const request = (await hub.control.frames({ type: 'conversation_transcript_request' })).at(-1)!;
    expect(request.payload).toEqual({ conversation_id: first });
  }

  // The opened conversation carries on where it was.
  await w.send('back again');
  await expect(w.log.locator('[data-sender="bot"]').filter({ hasText: 'back again' })).toBeVisible();
  expect(
    hub.control.conversation(first)!.messages.some((m) => JSON.stringify(m.parts).includes('back again')),
  ).toBe(true);
  expect(hub.control.conversation(second)).toBeDefined();

  // Back (and Escape) return to the chat; focus goes back to the menu button.
  await openMenu(w, 'Conversations');
  await w.panel.getByRole('button', { name: 'Back' }).click();
  await expect(w.panel.getByRole('button', { name: 'Conversation menu' })).toBeFocused();
  await expect(w.composer).toBeVisible();
});

test('pagination: ten at a time, "Load more" for the rest; one can be deleted from the list', {
  tag: '@every-mode',
}, async ({ page, openHost, hub }) => {
  const w = await openHost(page);
  await w.launcher.click();
  await chat(w, 'my own');
  await startConversations(hub, await storedUserId(page), 11);

  await openMenu(w, 'Conversations');
  const items = w.panel.locator('button[data-conversation-id]');
  await expect(items).toHaveCount(10);
  const more = w.panel.getByRole('button', { name: 'Load more' });
  await more.click();
  await expect(items).toHaveCount(12);
  await expect(more).toHaveCount(0);
  // Focus moved to the first newly loaded conversation.
  await expect(items.nth(10)).toBeFocused();
  const frames = await hub.control.frames({ type: 'get_user_conversations_v2' });
  expect(frames.at(-1)!.payload).toMatchObject({ pagination: { page: '2', limit: '10' } });

  // Delete one of the others (newest first: the oldest of them is 10th): confirm, and it leaves the list.
  const victim = (await items.nth(10).getAttribute('data-conversation-id'))!;
  await expect(items.nth(10)).toHaveText('topic: other 0');
  await w.panel.getByRole('button', { name: 'Delete topic: other 0' }).click();
  const dialog = w.panel.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(items).toHaveCount(11);
  expect(hub.control.conversation(victim)).toBeUndefined();
});

test('delete the current conversation, then delete all after a confirmation (Cancel does nothing)', {
  tag: '@every-mode',
}, async ({ page, openHost, hub, sendMode }) => {
  const w = await openHost(page);
  await w.launcher.click();
  await chat(w, 'keep me');
  const first = await storedConversationId(page);
  await openMenu(w, 'New conversation');
  await chat(w, 'delete me');
  const second = await storedConversationId(page);
  const userId = await storedUserId(page);

  await openMenu(w, 'Delete conversation');
  let dialog = w.panel.getByRole('alertdialog', { name: 'Delete conversation' });
  await expect(dialog).toContainText('This cannot be undone');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => hub.control.conversation(second)).toBeUndefined();
  await expect.poll(() => storedConversationId(page)).not.toBe(second);
  await expect(w.log.getByText('delete me')).toHaveCount(0);
  await expect(w.composer).toBeFocused();
  expect(hub.control.conversation(first)).toBeDefined();

  await openMenu(w, 'Delete all conversations');
  dialog = w.panel.getByRole('alertdialog', { name: 'Delete all conversations' });
  await expect(dialog).toContainText('Are you sure you want to delete all conversations?');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // Cancel
  await expect(dialog).toHaveCount(0);
  await expect(w.panel.getByRole('button', { name: 'Conversation menu' })).toBeFocused();
  // Delete-all takes the manual's form over the socket, the vendor client's over HTTP.
  const deleteAll = sendMode === 'socket' ? 'delete_conversation' : 'delete_user_conversations';
  const deletesAll = async () =>
    (await hub.control.frames({ type: deleteAll })).filter((f) => 'userId' in (f.payload as object));
  expect(await deletesAll()).toEqual([]);
  expect(hub.control.conversation(first)).toBeDefined();

  const before = await storedConversationId(page);
  await openMenu(w, 'Delete all conversations');
  await w.panel.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => hub.control.conversation(first)).toBeUndefined();
  const [all] = await deletesAll();
  expect(all!.payload).toEqual({ userId, softdelete: true });
  // A fresh conversation started, and it is the only one left.
  await expect.poll(() => storedConversationId(page)).not.toBe(before);
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
  await openMenu(w, 'Conversations');
  await expect(w.panel.locator('button[data-conversation-id]')).toHaveCount(1);
  await expect(w.panel.locator('button[data-conversation-id]')).toHaveAttribute('aria-current', 'true');
});

test('download transcript saves one line per message, under a strict CSP', async ({ page, openHost }) => {
  const w = await openHost(page, { csp: 'strict', cfg: { title: 'Support' } });
  await w.launcher.click();
  await chat(w, 'purple zebra');
  const conversationId = await storedConversationId(page);
  const [download] = await Promise.all([page.waitForEvent('download'), openMenu(w, 'Download transcript')]);
  expect(download.suggestedFilename()).toBe(`chat-transcript-${conversationId.slice(0, 8)}.txt`);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.trimEnd().split('\n');
  const stamp = String.raw`^\[\d{4}-\d\d-\d\d \d\d:\d\d\] `;
  expect(
    lines.filter((l) => !l.startsWith('  ')).every((l) => new RegExp(`${stamp}(You|Support): `).test(l)),
  ).toBe(true);
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`${stamp}You: purple zebra$`)));
  expect(lines.filter((l) => / Support: .*purple zebra/.test(l))).toHaveLength(1);
  await expect(w.panel.getByRole('button', { name: 'Conversation menu' })).toBeFocused();
});

test('JS API: getMetadata resolves the hub’s metadata; deleteConversation deletes', {
  tag: '@every-mode',
}, async ({ page, openHost, hub }) => {
  await openHost(page, { cfg: { metadata: '{"source":"e2e"}' } });
  await page.waitForFunction(() => typeof window.CaptivateChat?.getMetadata === 'function');
  // No conversation yet: nothing to ask the hub.
  expect(await page.evaluate(() => window.CaptivateChat.getMetadata!())).toEqual({});
  expect(await hub.control.frames({ type: 'metadata_request' })).toEqual([]);

  await page.evaluate(() => window.CaptivateChat.open!());
  await expect.poll(() => storedConversationId(page)).not.toBe('');
  await page.evaluate(() => window.CaptivateChat.setMetadata!({ plan: 'gold' }));
  const metadata = await page.evaluate(() => window.CaptivateChat.getMetadata!());
  expect(metadata).toEqual({ source: 'e2e', plan: 'gold' });

  const id = await storedConversationId(page);
  await page.evaluate(() => window.CaptivateChat.deleteConversation!());
  await expect.poll(() => hub.control.conversation(id)).toBeUndefined();
  await expect.poll(() => storedConversationId(page)).not.toBe(id);
});

test('iframe bridge: a command with an id gets its result posted back', async ({ page, site, hub }) => {
  const params = new URLSearchParams({
    'api-key': 'e2e-key',
    url: hub.url,
    metadata: '{"from":"frame"}',
    'allowed-origins': site.altOrigin,
  });
  const src = `${site.origin}/embed.html?${params}`;
  await page.goto(`${site.altOrigin}/frame-host?src=${encodeURIComponent(src)}`);
  await expect(
    page.frameLocator('#chat').getByRole('log').locator('[data-sender="bot"]').first(),
  ).toBeVisible();
  const reply = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const frame = document.querySelector('iframe')!;
        window.addEventListener('message', (e) => {
          if (e.source === frame.contentWindow && e.data?.type === 'result') resolve(e.data);
        });
        frame.contentWindow!.postMessage(
          { source: 'captivate-chat', type: 'command', command: 'getMetadata', id: 'm1' },
          new URL(frame.src).origin,
        );
      }),
  );
  expect(reply).toEqual({ source: 'captivate-chat', type: 'result', id: 'm1', value: { from: 'frame' } });
});
