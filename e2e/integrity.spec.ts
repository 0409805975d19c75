/**
 * Conversation integrity against a hub that does not cooperate: gateway frames, frames for other
 * conversations, an unanswered conversation_start, a hand-off across a reload and one that nobody takes,
 * expired file links, and inbound variants the emulator never sends by itself.
 */
import type { Page } from '@playwright/test';
import type { Hub } from '../server/hub';
import type { RuntimeOptions } from '../server/options';
import { expect, hostUrl, storedConversationId, test, type Widget, widgetLocators } from './support/fixtures';

declare global {
  interface Window {
    __hostEvents: Array<{ name: string; detail: Record<string, unknown> }>;
  }
}

/** Runs `body` with the worker's hub changed by `patch`, then puts back what the patch changed. */
async function withHubOptions(hub: Hub, patch: Partial<RuntimeOptions>, body: () => Promise<void>) {
  const before = hub.control.options();
  hub.control.setOptions(patch);
  try {
    await body();
  } finally {
    hub.control.setOptions(
      Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof RuntimeOptions]])),
    );
  }
}

const HOST_EVENTS = ['error', 'update', 'agent', 'action', 'message', 'conversation', 'sent'];

/** Records every `captivate:*` DOM event of interest from the first script on. */
async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript((names) => {
    window.__hostEvents = [];
    for (const name of names)
      window.addEventListener(`captivate:${name}`, (e) =>
        window.__hostEvents.push({ name, detail: (e as CustomEvent).detail }),
      );
  }, HOST_EVENTS);
}

const eventsNamed = (page: Page, name: string) =>
  page.evaluate((n) => window.__hostEvents.filter((e) => e.name === n).map((e) => e.detail), name);

/** A bot message the hub pushes; with `conversationId` it names that conversation. */
const botFrame = (text: string, conversationId?: string) => ({
  event_type: 'bot_message',
  event_payload: {
    type: 'message_create',
    content: [{ type: 'text', text }],
    ...(conversationId ? { conversation_id: conversationId } : {}),
  },
});

async function openedChat(page: Page, openHost: (p: Page) => Promise<Widget>) {
  await recordEvents(page);
  const w = await openHost(page);
  await w.openChat();
  return { w, conversationId: await storedConversationId(page) };
}

test.describe('nothing silent', () => {
  test('a gateway error frame is told to the visitor once and to the host with a stable code; the draft stays', async ({
    page,
    openHost,
    hub,
  }) => {
    const { w, conversationId } = await openedChat(page, openHost);
    await w.composer.fill('my unsent words');
    const gatewayFrame = { message: 'Internal server error', connectionId: 'Vp6x=', requestId: 'r-1' };
    expect(hub.control.push(conversationId, gatewayFrame)).toBeGreaterThan(0);
    hub.control.push(conversationId, gatewayFrame);
    await expect(w.log.getByText('The chat service had a problem.')).toHaveCount(1);
    await expect
      .poll(() => eventsNamed(page, 'error'))
      .toEqual([
        { code: 'gateway_server_error', message: 'Internal server error' },
        { code: 'gateway_server_error', message: 'Internal server error' },
      ]);
    await expect(w.composer).toHaveValue('my unsent words');
  });

  test('a hub that never answers conversation_start: the visitor is told within 16 s', {
    tag: '@every-mode',
  }, async ({ page, openHost, hub }) => {
    test.setTimeout(40_000);
    await withHubOptions(hub, { startAnswerRate: 0 }, async () => {
      await recordEvents(page);
      const w = await openHost(page);
      await w.launcher.click();
      await w.composer.fill('hello, anyone?');
      await expect(w.log.getByText(/The chat service is not answering/)).toBeVisible({ timeout: 16_000 });
      expect((await eventsNamed(page, 'error')).map((e) => e.code)).toContain('start_timeout');
      await expect(w.composer).toHaveValue('hello, anyone?');
      expect(hub.control.frames({ type: 'conversation_start' }).length).toBeGreaterThanOrEqual(2);
    });
  });
});

test.describe('a hub that sends no transcript', () => {
  test('a restore shows what this device kept, with a note, and new messages still go out', {
    tag: '@every-mode',
  }, async ({ page, openHost, hub }) => {
    test.setTimeout(90_000);
    const { w } = await openedChat(page, openHost);
    await w.send('kept on this device');
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('kept on this device');
    await expect(w.log.locator('[data-delivery="sent"]')).toHaveCount(1);
    await page.waitForTimeout(600); // the tail is written a moment after the last change
    await withHubOptions(hub, { transcriptAnswerRate: 0 }, async () => {
      await page.reload();
      await w.launcher.click();
      // The stored tail is on screen at once, long before the transcript is given up on.
      await expect(w.log.locator('[data-sender="user"]')).toHaveText([/kept on this device/], {
        timeout: 3_000,
      });
      await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('kept on this device', {
        timeout: 3_000,
      });
      await expect(w.log.getByText(/Earlier messages could not be loaded/)).toBeVisible({ timeout: 60_000 });
      expect((await eventsNamed(page, 'error')).map((e) => e.code)).toContain('transcript_unavailable');
      await w.send('still talking');
      await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('still talking');
    });
  });
});

test.describe('the stored tail', () => {
  test('a reload shows what this device kept at once; the transcript adds only what it lacks, every message once', {
    tag: '@every-mode',
  }, async ({ page, openHost }) => {
    const { w } = await openedChat(page, openHost);
    for (const text of ['first question', 'second question', 'third question']) {
      await w.send(text);
      await expect(w.log.locator('[data-sender="bot"]').last()).toContainText(text);
    }
    await expect(w.log.locator('[data-delivery="sent"]')).toHaveCount(3);
    const before = await w.log.locator('[data-sender]').allTextContents();
    await page.waitForTimeout(600); // the tail is written a moment after the last change
    await page.reload();
    await w.launcher.click();
    await expect(w.log.locator('[data-sender="user"]')).toHaveCount(3);
    // The transcript came and was reconciled: still every message once, in the same order.
    await expect.poll(async () => (await eventsNamed(page, 'message')).length).toBeGreaterThan(0);
    await page.waitForTimeout(1_000);
    expect(await w.log.locator('[data-sender]').allTextContents()).toEqual(before);
  });

  test('a deleted conversation takes its stored tail with it', async ({ page, openHost }) => {
    const { w, conversationId } = await openedChat(page, openHost);
    await w.send('to be deleted');
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('to be deleted');
    /** Whose tail is stored (a new conversation may store its own after the delete). */
    const storedTail = () =>
      page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.endsWith(':tail'));
        return key
          ? (JSON.parse(localStorage.getItem(key)!) as { conversationId: string }).conversationId
          : null;
      });
    await expect.poll(storedTail).toBe(conversationId);
    await page.evaluate(() => window.CaptivateChat?.deleteConversation());
    await expect.poll(storedTail).not.toBe(conversationId);
    await page.reload();
    await w.launcher.click();
    await expect(w.log.getByText('to be deleted')).toHaveCount(0);
  });
});

test.describe('keepalive', () => {
  test('whatever the hub answers to keepalives, the visitor sees no error and the conversation stays', {
    tag: '@every-mode',
  }, async ({ page, openHost, hub }) => {
    // A hub that takes the keepalive amiss: every one is answered with "Invalid conversation_id" and a
    // gateway error, which would end the conversation if they were taken for the hub's word on it.
    let keepalives = 0;
    await page.routeWebSocket(/^ws:\/\/127\.0\.0\.1/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((m) => ws.send(m));
      ws.onMessage((m) => {
        const text = String(m);
        if (!text.includes('metadata_request')) return server.send(m);
        keepalives++;
        const conversation_id = (
          JSON.parse(text) as { event: { event_payload: { conversation_id: string } } }
        ).event.event_payload.conversation_id;
        ws.send(JSON.stringify({ message: 'Internal server error', requestId: 'k' }));
        ws.send(
          JSON.stringify({
            event_type: 'general_error',
            event_payload: { conversation_id, error_code: 400, error_desc: 'Invalid conversation_id' },
          }),
        );
      });
    });
    await recordEvents(page);
    const w = await openHost(page, { cfg: { 'keepalive-ms': '500' } });
    await w.openChat();
    const conversationId = await storedConversationId(page);
    await expect.poll(() => keepalives).toBeGreaterThanOrEqual(2);
    // Pushed after the keepalives' answers on the same socket: once it shows, they have been handled.
    hub.control.push(conversationId, botFrame('after the keepalives', conversationId));
    await expect(w.log.getByText('after the keepalives')).toBeVisible();
    await expect(w.log.locator('[data-sender="system"]')).toHaveCount(0);
    expect(await eventsNamed(page, 'error')).toEqual([]);
    expect(await storedConversationId(page)).toBe(conversationId);
  });
});

test.describe('isolation', () => {
  test('frames naming another conversation are neither shown nor reported', { tag: '@every-mode' }, async ({
    page,
    openHost,
    hub,
  }) => {
    const { w, conversationId } = await openedChat(page, openHost);
    // Pushed to every socket, in this order: the marker shows that the foreign frames were read first.
    hub.control.push(null, botFrame('not for you', 'someone-else'));
    hub.control.push(null, {
      event_type: 'livechat_message',
      event_payload: {
        content: [{ type: 'text', text: 'agent, elsewhere' }],
        conversation_id: 'someone-else',
      },
    });
    hub.control.push(null, {
      event_type: 'conversation_update',
      event_payload: {
        type: 'livechatAgentConnected',
        conversation_id: 'someone-else',
        data: { name: 'Mallory' },
      },
    });
    hub.control.push(null, botFrame('marker for you', conversationId));
    await expect(w.log.getByText('marker for you')).toBeVisible();
    await expect(w.log.getByText('not for you')).toHaveCount(0);
    await expect(w.log.getByText('agent, elsewhere')).toHaveCount(0);
    await expect(w.panel.getByText('Mallory')).toHaveCount(0);
    const texts = (await eventsNamed(page, 'message')).map((m) => m.text);
    expect(texts).toContain('marker for you');
    expect(texts).not.toContain('not for you');
    expect(await eventsNamed(page, 'agent')).toEqual([]);
  });

  test('a new conversation shows nothing more of the old one', { tag: '@every-mode' }, async ({
    page,
    openHost,
    hub,
  }) => {
    const { w, conversationId: old } = await openedChat(page, openHost);
    await page.evaluate(() => window.CaptivateChat.newConversation!());
    await expect.poll(() => storedConversationId(page)).not.toBe(old);
    const current = await storedConversationId(page);
    hub.control.push(old, botFrame('late reply to the old one', old));
    hub.control.push(current, botFrame('first of the new one', current));
    await expect(w.log.getByText('first of the new one')).toBeVisible();
    await expect(w.log.getByText('late reply to the old one')).toHaveCount(0);
  });
});

test.describe('agent hand-off', () => {
  test('the agent and the header survive a reload, and "Talk to a human" is not offered again', {
    tag: '@every-mode',
  }, async ({ page, openHost }) => {
    const { w } = await openedChat(page, openHost);
    await w.panel.getByRole('button', { name: 'Talk to a human' }).click();
    await expect(w.log.getByText('Dana joined the chat')).toBeVisible();
    await expect
      .poll(async () => (await eventsNamed(page, 'agent')).map((e) => e.phase))
      .toEqual(['waiting', 'joined']);
    await page.reload();
    await w.launcher.click();
    await expect(w.log.locator('[data-sender="agent"]').first()).toBeVisible();
    await expect(w.panel.locator('.cc-subtitle[data-agent]')).toHaveText('Dana');
    await expect(w.panel.getByRole('button', { name: 'Talk to a human' })).toHaveCount(0);
  });

  test('waiting for an agent ends after agent-wait-ms with a notice, the button back and a failed event', async ({
    page,
    openHost,
    hub,
  }) => {
    await withHubOptions(hub, { agentDelayMs: 5_000 }, async () => {
      await recordEvents(page);
      const w = await openHost(page, { cfg: { 'agent-wait-ms': '1500' } });
      await w.openChat();
      await w.panel.getByRole('button', { name: 'Talk to a human' }).click();
      await expect(w.panel.getByText('Connecting you to a person…')).toBeVisible();
      await expect(w.log.getByText(/No one could join yet/)).toBeVisible();
      await expect(w.panel.getByRole('button', { name: 'Talk to a human' })).toBeEnabled();
      const phases = (await eventsNamed(page, 'agent')).map((e) => e.phase);
      expect(phases).toEqual(['waiting', 'failed']);
    });
  });
});

test.describe('page context', () => {
  test('a second page with other metadata sends it for the resumed conversation, once, and the host hears it', {
    tag: '@every-mode',
  }, async ({ context, site, hub }) => {
    const home = await context.newPage();
    await recordEvents(home);
    await home.goto(hostUrl(site, { cfg: { metadata: JSON.stringify({ page: '/home' }) } }));
    await widgetLocators(home).openChat();
    const conversationId = await storedConversationId(home);
    await home.close();

    const pricing = await context.newPage();
    await recordEvents(pricing);
    await pricing.goto(hostUrl(site, { cfg: { metadata: JSON.stringify({ page: '/pricing' }) } }));
    const sent = () => eventsNamed(pricing, 'sent');
    await expect.poll(async () => (await sent()).map((e) => e.kind)).toContain('metadata');
    const metadataFrames = hub.control.frames({ type: 'metadata', conversationId });
    expect(metadataFrames.map((f) => (f.payload as { metadata: unknown }).metadata)).toEqual([
      { page: '/pricing' },
    ]);
    expect((await sent()).find((e) => e.kind === 'metadata')).toMatchObject({ conversationId });
  });
});

test.describe('inbound variants', () => {
  test('unknown conversation updates and {actionType, details} actions reach the host', async ({
    page,
    openHost,
    hub,
  }) => {
    const { conversationId } = await openedChat(page, openHost);
    hub.control.push(conversationId, {
      event_type: 'conversation_update',
      event_payload: {
        type: 'livechatQueuePosition',
        conversation_id: conversationId,
        data: { position: 2 },
      },
    });
    hub.control.push(conversationId, {
      event_type: 'action',
      event_payload: { actions: [{ actionType: 'sendTranscript ', details: { email: 'a@b.example' } }] },
    });
    await expect
      .poll(() => eventsNamed(page, 'update'))
      .toEqual([{ type: 'livechatQueuePosition', data: { position: 2 }, conversationId }]);
    await expect
      .poll(() => eventsNamed(page, 'action'))
      .toContainEqual({
        id: 'sendTranscript',
        data: { email: 'a@b.example' },
        type: 'normal',
      });
  });
});

test.describe('file links', () => {
  const png = () =>
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );

  /** Sends an image whose link lives one second, and waits until the emulator answers 403 for it, as S3 does. */
  async function sendImageThenLetItExpire(page: Page, w: Widget, hub: Hub) {
    await w.panel
      .locator('input[type="file"]')
      .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png() });
    await expect(w.panel.getByRole('button', { name: 'Remove dot.png' })).toBeVisible();
    await w.send('see the picture');
    const sentUrl = () => {
      const frame = hub.control
        .frames({ type: 'user_message' })
        .find((f) => JSON.stringify(f.payload).includes('dot.png'));
      const content = (frame?.payload as { content?: { files?: Array<{ url?: string }> } } | undefined)
        ?.content;
      return content?.files?.[0]?.url ?? '';
    };
    await expect.poll(sentUrl).not.toBe('');
    const url = sentUrl();
    await expect.poll(async () => (await page.request.get(url)).status(), { timeout: 5_000 }).toBe(403);
  }

  test('an image whose link expired gets a fresh link after a reload', { tag: '@every-mode' }, async ({
    page,
    openHost,
    hub,
  }) => {
    await withHubOptions(hub, { fileUrlTtlS: 1 }, async () => {
      const { w } = await openedChat(page, openHost);
      await sendImageThenLetItExpire(page, w, hub);
      hub.control.setOptions({ fileUrlTtlS: 7_200 });
      const refreshes: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/presigned-url')) refreshes.push(r.method());
      });
      await page.reload();
      await w.launcher.click();
      const image = w.log.locator('[data-sender="user"] img').last();
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
      expect(refreshes).toContain('POST');
    });
  });

  test('when no fresh link can be had, the file shows its name and "link expired", not a broken image', async ({
    page,
    openHost,
    hub,
  }) => {
    await withHubOptions(hub, { fileUrlTtlS: 1 }, async () => {
      const { w } = await openedChat(page, openHost);
      await sendImageThenLetItExpire(page, w, hub);
      // From here on the file service renews no link, and serves no file under any link.
      await page.route('**/api/presigned-url', (route) => route.fulfill({ status: 503, body: '{}' }));
      await page.route('**/files/**', (route) => route.fulfill({ status: 403, body: 'expired' }));
      await page.reload();
      await w.launcher.click();
      const bubble = w.log.locator('[data-sender="user"]').filter({ hasText: 'see the picture' });
      await expect(bubble.getByText('link expired')).toBeVisible();
      await expect(bubble).toContainText('dot.png');
      await expect(bubble.locator('img')).toHaveCount(0);
    });
  });
});
