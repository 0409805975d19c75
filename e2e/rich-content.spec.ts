/** Every kind of bot content, hostile content from the hub, and the remaining visitor-facing behaviours. */
import { expect, storedConversationId, test } from './support/fixtures';

test.describe('bot content', () => {
  test('link buttons, html and md parts (nested forms too), files and an image', async ({
    page,
    openHost,
  }) => {
    const w = await openHost(page);
    await w.openChat();
    await w.send('links');
    const link = w.log.getByRole('link').last();
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await w.send('nested');
    await expect(w.log.locator('[data-sender="bot"] strong').first()).toBeVisible();
    await expect(w.log.getByText(/HTML/).first()).toBeVisible();
    await expect(w.log.getByRole('link', { name: /\.pdf/ }).first()).toBeVisible();
    await w.send('image');
    await expect(w.log.locator('[data-sender="bot"] img').last()).toBeVisible();
    await expect
      .poll(() =>
        w.log
          .locator('[data-sender="bot"] img')
          .last()
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);
  });

  test('a message too large for the socket (413) is fetched from its link and shown', async ({
    page,
    openHost,
  }) => {
    const w = await openHost(page);
    await w.openChat();
    const before = await w.log.locator('[data-sender="bot"]').count();
    await w.send('long');
    await expect.poll(() => w.log.locator('[data-sender="bot"]').count()).toBeGreaterThan(before);
    await expect(w.log.locator('[data-sender="system"]')).toHaveCount(0);
  });

  test('hostile content from the hub is inert and unsafe URLs never become links', async ({
    page,
    openHost,
    hub,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const w = await openHost(page);
    await w.openChat();
    const conversationId = await storedConversationId(page);
    await hub.control.push(conversationId, {
      event_type: 'bot_message',
      event_payload: {
        type: 'message_create',
        ch_msg_id: 'xss-1',
        bot: {},
        content: [
          {
            type: 'text',
            text: 'A <img src=x onerror="window.__xss=1"> and [click](javascript:window.__xss=2) **end**',
          },
          {
            type: 'html',
            html: '<svg onload="window.__xss=3"></svg><a href="javascript:window.__xss=4">html link</a><p style="color:red">styled</p>',
          },
          {
            type: 'md',
            md: '![x](data:image/svg+xml,<svg onload=alert(1)>) <iframe src="javascript:alert(1)"></iframe>',
          },
          {
            type: 'buttons',
            buttons: {
              type: 'buttons',
              buttons: [{ title: 'Evil button', url: 'javascript:window.__xss=5' }],
            },
          },
          {
            type: 'cards',
            cards: [
              {
                text: 'Evil card',
                description: 'd',
                image_url: 'javascript:alert(1)',
                link: 'JaVaScRiPt:window.__xss=6',
              },
            ],
          },
          {
            type: 'file',
            files: [
              {
                url: 'javascript:window.__xss=7',
                mimetype: 'application/pdf',
                filename: '"><img src=x onerror=alert(1)>.pdf',
              },
            ],
          },
        ],
      },
    });
    await expect(w.log.getByText('Evil button')).toBeVisible();
    await expect(w.log.getByText('Evil card')).toBeVisible();
    await expect(w.log.getByText('end', { exact: true })).toBeVisible();
    // Click every link and button the hostile message produced.
    const message = w.log.locator('[data-message-id="xss-1"]').first();
    for (const el of await message.locator('a, button').all())
      await el.click({ force: true, noWaitAfter: true }).catch(() => {});
    // Whatever the clicks queued has run once a frame and a task have passed.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const audit = await page.locator('captivate-chat').evaluate((host) => {
      const all = [...host.shadowRoot!.querySelectorAll('*')];
      return {
        badHrefs: all.filter((e) => /^\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') ?? ''))
          .length,
        badSrcs: all.filter((e) => /^\s*(javascript|data):/i.test(e.getAttribute('src') ?? '')).length,
        handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        forbidden: all.filter(
          (e) =>
            ['svg', 'iframe', 'script', 'math'].includes(e.localName) &&
            !e.closest('.cc-icon, [aria-hidden="true"]'),
        ).length,
        styled: [...host.shadowRoot!.querySelectorAll('.cc-md [style]')].length,
      };
    });
    expect(audit).toEqual({ badHrefs: 0, badSrcs: 0, handlers: 0, forbidden: 0, styled: 0 });
  });
});

test.describe('visitor behaviours', () => {
  test('host string overrides and the dark theme apply', async ({ page, openHost }) => {
    const w = await openHost(page, {
      cfg: {
        theme: 'dark',
        strings: JSON.stringify({ talkToHuman: 'Speak to someone', composerPlaceholder: 'Ask us…' }),
      },
    });
    await w.launcher.click();
    await expect(w.panel.getByRole('button', { name: 'Speak to someone' })).toBeVisible();
    await expect(w.composer).toHaveAttribute('placeholder', 'Ask us…');
    const bg = await w.panel.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
  });

  test('works when a tag manager inserts the script tag after load', async ({ page, site, hub }) => {
    await page.goto(`${site.origin}/blank`);
    await page.evaluate(
      ({ ws }) => {
        const script = document.createElement('script');
        script.src = '/captivate-chat.js';
        script.async = true;
        script.dataset.apiKey = 'tag-manager-key';
        script.dataset.url = ws;
        script.dataset.title = 'Inserted';
        document.body.appendChild(script);
      },
      { ws: hub.url },
    );
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.click();
    await expect(page.getByRole('dialog', { name: 'Inserted' })).toBeVisible();
    await expect(page.getByRole('log').locator('[data-sender="bot"]').first()).toBeVisible();
  });

  test('an attachment chip can be removed and nothing of it is sent', async ({ page, openHost, hub }) => {
    const w = await openHost(page);
    await w.openChat();
    await w.panel
      .locator('input[type="file"]')
      .setInputFiles({ name: 'drop-me.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await w.panel.getByRole('button', { name: 'Remove drop-me.txt' }).click();
    await expect(w.panel.getByRole('button', { name: 'Remove drop-me.txt' })).toHaveCount(0);
    await w.send('no file here');
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('no file here');
    const frames = await hub.control.frames({ type: 'user_message' });
    expect(frames.some((f) => JSON.stringify(f.payload).includes('drop-me.txt'))).toBe(false);
  });

  test('Enter during IME composition does not send', async ({ page, openHost, hub }) => {
    const w = await openHost(page);
    await w.openChat();
    await w.composer.fill('にほん');
    await w.composer.evaluate((el) => {
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      el.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing: true }),
      );
    });
    await expect(w.composer).toHaveValue('にほん');
    await w.composer.evaluate((el) =>
      el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true })),
    );
    await w.composer.press('Enter');
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('にほん');
    const texts = (await hub.control.frames({ type: 'user_message' })).map((f) => JSON.stringify(f.payload));
    expect(texts.filter((t) => t.includes('にほん'))).toHaveLength(1);
  });

  test('reading older messages shows a "New messages" pill instead of jumping', async ({
    page,
    openHost,
    hub,
  }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    const w = await openHost(page);
    await w.openChat();
    for (const word of ['markdown', 'cards', 'markdown']) {
      await w.send(word);
      await expect(w.log.locator('[data-sender="user"]').last()).toContainText(word);
    }
    await expect.poll(() => w.log.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
    // Every reply is in before the reader scrolls up: one arriving after would be taken to the end with it.
    await hub.control.idle();
    await page.waitForTimeout(300);
    await w.log.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(() => w.log.evaluate((el) => el.scrollTop)).toBe(0);
    const conversationId = await storedConversationId(page);
    await hub.control.push(conversationId, {
      event_type: 'bot_message',
      event_payload: {
        type: 'message_create',
        ch_msg_id: 'late-1',
        bot: {},
        content: [{ type: 'text', text: 'A late reply' }],
      },
    });
    const pill = w.panel.getByRole('button', { name: 'New messages' });
    await expect(pill).toBeVisible();
    expect(await w.log.evaluate((el) => el.scrollTop)).toBeLessThan(50);
    await pill.click();
    await expect(w.log.getByText('A late reply')).toBeInViewport();
  });
});
