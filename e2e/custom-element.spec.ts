/**
 * `<captivate-chat>` from the CDN loader: floating and inline elements on a page whose script tag has no
 * key, the reactive attributes (title, theme, locale, open), the widget's API and events on the element,
 * removal (a move keeps the widget), and the script tag's own widget next to the element definition.
 */
import type { Locator, Page } from '@playwright/test';
import type { CaptivateChatElement } from '../src/index';
import { expect, test, widgetLocators } from './support/fixtures';
import type { Site } from './support/site';

function elementUrl(site: Site, els: Record<string, string>[], script?: Record<string, string>): string {
  const params = new URLSearchParams({ els: JSON.stringify(els) });
  if (script) params.set('script', JSON.stringify(script));
  return `${site.origin}/element?${params}`;
}

/** Console errors and uncaught page errors, to prove a page stayed quiet. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const defined = (page: Page) => page.waitForFunction(() => !!customElements.get('captivate-chat'));

/** Evaluates `fn` on the element `#id`, typed as the package types it. */
function onElement<R>(page: Page, id: string, fn: (el: CaptivateChatElement) => R | Promise<R>): Promise<R> {
  return page.locator(`captivate-chat#${id}`).evaluate<R, undefined, CaptivateChatElement>(fn);
}

async function expectReply(log: Locator, text: string): Promise<void> {
  await expect(log.locator('[data-sender="user"]').last()).toContainText(text);
  await expect(log.locator('[data-sender="bot"]').nth(1)).toBeVisible();
}

test.describe('from the CDN loader', () => {
  test('a floating element on a page whose script tag has no key: launcher, chat, and no error', async ({
    page,
    site,
  }) => {
    const errors = watchErrors(page);
    await page.goto(elementUrl(site, [{ id: 'chat', title: 'Element support' }]));
    const w = widgetLocators(page);
    await w.launcher.click();
    await expect(page.getByRole('dialog', { name: 'Element support' })).toBeVisible();
    await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
    await w.send('hello from the element');
    await expectReply(w.log, 'hello from the element');
    // One widget: the element; the tag without a key starts none and reports nothing until it is called.
    await expect(page.locator('captivate-chat')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(1);
    expect(errors).toEqual([]);
    await page.evaluate(() => globalThis.CaptivateChat!.open());
    expect(errors.join('\n')).toContain('data-api-key is required');
  });

  test('inline: the panel is open in the element, in the page flow, without launcher, focus trap or Escape', async ({
    page,
    site,
  }) => {
    await page.goto(
      elementUrl(site, [
        { id: 'chat', inline: '', title: 'Inline help', style: 'height: 500px; width: 420px' },
      ]),
    );
    const panel = page.getByRole('dialog', { name: 'Inline help' });
    await expect(panel).toBeVisible();
    const log = panel.getByRole('log');
    await expect(log.locator('[data-sender="bot"]').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open chat' })).toBeHidden();
    await expect(panel.getByRole('button', { name: 'Close chat' })).toHaveCount(0);
    // Opened by the page, not the visitor: focus stays on the page.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    // It fills the element's box, and the element takes its place in the flow.
    const box = (await page.locator('captivate-chat#chat').boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    expect(box.height).toBe(500);
    expect(box.width).toBe(420);
    expect(panelBox).toEqual(box);
    const after = (await page.getByText('After the elements.').boundingBox())!;
    expect(after.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(await panel.getAttribute('aria-modal')).toBe('false');

    const composer = panel.getByRole('textbox', { name: 'Message' });
    await composer.fill('inline message');
    await composer.press('Enter');
    await expectReply(log, 'inline message');
    await composer.press('Escape');
    await expect(panel).toBeVisible();
    // Tab leaves the panel: no trap.
    await page.getByRole('button', { name: 'Host button' }).focus();
    expect(await onElement(page, 'chat', (el) => el.isOpen)).toBe(true);
  });

  test('an inline element without a height from the page is 600px tall', async ({ page, site }) => {
    await page.goto(elementUrl(site, [{ id: 'chat', inline: '' }]));
    await expect(page.getByRole('dialog')).toBeVisible();
    expect((await page.locator('captivate-chat#chat').boundingBox())!.height).toBe(600);
  });

  test('without api-key the element reports it, on the console and as an error event on the element', async ({
    page,
    site,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`${site.origin}/blank`);
    const seen = await page.evaluate(async () => {
      const codes: string[] = [];
      const el = document.createElement('captivate-chat');
      el.addEventListener('captivate:error', (e) => codes.push((e as CustomEvent).detail.code));
      document.body.append(el);
      const script = document.createElement('script');
      script.src = '/captivate-chat.js';
      await new Promise((done) => {
        script.onload = done;
        document.body.append(script);
      });
      return codes;
    });
    expect(seen).toEqual(['config']);
    expect(errors.join('\n')).toContain('api-key is required');
    await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
  });
});

test.describe('reactive attributes', () => {
  test('title, theme, locale and open update the running widget', async ({ page, site }) => {
    const errors = watchErrors(page);
    await page.goto(elementUrl(site, [{ id: 'chat', title: 'Before', theme: 'light' }]));
    await defined(page);
    const el = page.locator('captivate-chat#chat');

    await el.evaluate((node) => node.setAttribute('open', ''));
    await expect(page.getByRole('dialog', { name: 'Before' })).toBeVisible();
    const panel = page.getByRole('dialog');
    const background = () => panel.evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');

    await el.evaluate((node) => node.setAttribute('title', 'After'));
    await expect(page.getByRole('dialog', { name: 'After' })).toBeVisible();
    // Removed, a key is back to its default.
    await el.evaluate((node) => node.removeAttribute('title'));
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();

    await el.evaluate((node) => node.setAttribute('theme', 'dark'));
    await expect(el).toHaveAttribute('data-theme', 'dark');
    await expect.poll(background).not.toBe('rgb(255, 255, 255)');

    await el.evaluate((node) => node.setAttribute('locale', 'fr'));
    await expect(page.getByRole('button', { name: 'Ouvrir le chat' })).toHaveCount(1);
    await expect(el).toHaveAttribute('lang', 'fr');

    await el.evaluate((node) => node.setAttribute('open', 'false'));
    await expect(page.getByRole('dialog')).toBeHidden();
    await el.evaluate((node) => node.setAttribute('open', ''));
    await expect(page.getByRole('dialog')).toBeVisible();
    await el.evaluate((node) => node.removeAttribute('open'));
    await expect(page.getByRole('dialog')).toBeHidden();

    await el.evaluate((node) => node.setAttribute('open', ''));
    expect(errors).toEqual([]);
  });

  test('a refused value is reported with its key and the default used', async ({ page, site }) => {
    const errors = watchErrors(page);
    await page.goto(elementUrl(site, [{ id: 'chat', theme: 'dark' }]));
    await defined(page);
    const el = page.locator('captivate-chat#chat');
    await el.evaluate((node) => node.setAttribute('theme', 'sepia'));
    await expect(el).toHaveAttribute('data-theme', 'auto');
    expect(errors.join('\n')).toContain('theme has an invalid value "sepia"');
  });

  test('before the first open an attribute change loads the chat once, with the new values', async ({
    page,
    site,
  }) => {
    await page.goto(elementUrl(site, [{ id: 'chat', title: 'First' }]));
    await defined(page);
    await page.locator('captivate-chat#chat').evaluate((node) => node.setAttribute('title', 'Second'));
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('dialog', { name: 'Second' })).toBeVisible();
  });
});

test.describe('the API on the element', () => {
  test('open(), send(), on(), isOpen, conversationId, hide() and show(), and events on the element', async ({
    page,
    site,
  }) => {
    await page.goto(elementUrl(site, [{ id: 'chat' }]));
    await defined(page);
    await page.evaluate(() => {
      const el = document.querySelector('captivate-chat')!;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      el.on('message', (m) => seen.push(`on:${m.sender}:${m.text}`));
      el.addEventListener('captivate:message', (e) =>
        seen.push(`element:${(e as CustomEvent<{ sender: string }>).detail.sender}`),
      );
      window.addEventListener('captivate:message', (e) =>
        seen.push(`window:${(e.target as Element).tagName}`),
      );
    });
    expect(await onElement(page, 'chat', (el) => el.isOpen)).toBe(false);
    await onElement(page, 'chat', (el) => el.open());
    const w = widgetLocators(page);
    await expect(w.panel).toBeVisible();
    expect(await onElement(page, 'chat', (el) => el.isOpen)).toBe(true);
    await onElement(page, 'chat', (el) => el.send('sent through the element'));
    await expectReply(w.log, 'sent through the element');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('on:user:sent through the element');
    expect(seen).toContain('element:user');
    expect(seen).toContain('window:CAPTIVATE-CHAT');
    expect(await onElement(page, 'chat', (el) => el.conversationId)).toMatch(/.+/);
    await onElement(page, 'chat', (el) => el.hide());
    await expect(w.panel).toBeHidden();
    await onElement(page, 'chat', (el) => el.show());
    await expect(w.panel).toBeVisible();
    expect(await onElement(page, 'chat', (el) => el.version)).toMatch(/^\d+\.\d+\.\d+/);
    // The element's widget is not window.CaptivateChat's: the tag without a key has none.
    expect(await page.evaluate(() => globalThis.CaptivateChat!.isOpen)).toBe(false);
  });

  test('two elements are two widgets, each driven by its own API', async ({ page, site }) => {
    await page.goto(
      elementUrl(site, [
        { id: 'a', inline: '', title: 'Sales', persist: 'none', style: 'height: 400px' },
        { id: 'b', inline: '', title: 'Support', persist: 'none', style: 'height: 400px' },
      ]),
    );
    const sales = page.getByRole('dialog', { name: 'Sales' });
    const support = page.getByRole('dialog', { name: 'Support' });
    await expect(sales).toBeVisible();
    await expect(support).toBeVisible();
    await onElement(page, 'b', (el) => el.send('to support'));
    await expectReply(support.getByRole('log'), 'to support');
    await expect(sales.getByRole('log').locator('[data-sender="user"]')).toHaveCount(0);
  });
});

test.describe('configured from code', () => {
  test('after sign-in an element made by the page starts with the visitor; at logout reset() and a new element for the next one', async ({
    page,
    site,
    hub,
  }) => {
    await page.goto(elementUrl(site, []));
    await defined(page);
    // What a site's sign-in handler does: the element's attributes are its configuration.
    const signIn = (userId: string) =>
      page.evaluate(
        ({ userId, url }) => {
          const chat = document.createElement('captivate-chat');
          chat.id = 'chat';
          for (const [key, value] of Object.entries({
            'api-key': 'e2e-key',
            url,
            'user-id': userId,
            open: '',
          }))
            chat.setAttribute(key, value);
          document.body.append(chat);
        },
        { userId, url: hub.url },
      );
    const w = widgetLocators(page);
    await signIn('u-ada');
    await w.send('from ada');
    await expectReply(w.log, 'from ada');
    const ada = await onElement(page, 'chat', (el) => el.conversationId);

    // Logout: forget everything the widget stored for the site, then take the element away.
    await onElement(page, 'chat', async (el) => {
      await el.reset();
      el.remove();
    });
    await expect(page.locator('captivate-chat')).toHaveCount(0);
    await signIn('u-grace');
    await w.send('from grace');
    await expectReply(w.log, 'from grace');
    await expect(w.log.locator('[data-sender="user"]')).toHaveCount(1);
    const grace = await onElement(page, 'chat', (el) => el.conversationId);
    expect(grace).not.toBe(ada);
    const owners = Object.fromEntries(hub.control.conversations().map((c) => [c.conversationId, c.userId]));
    expect([owners[ada!], owners[grace!]]).toEqual(['u-ada', 'u-grace']);
  });
});

test.describe('removal', () => {
  test('a removed element is destroyed: its API does nothing; the hub sees its socket close', async ({
    page,
    site,
    hub,
  }) => {
    await page.goto(elementUrl(site, [{ id: 'chat', inline: '' }]));
    const w = widgetLocators(page);
    await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
    const before = hub.control.stats().sockets;
    await page.evaluate(() => {
      const el = document.querySelector('captivate-chat')!;
      (window as unknown as { removed: Element }).removed = el;
      el.remove();
    });
    await expect.poll(() => hub.control.stats().sockets).toBe(before - 1);
    const answer = await page.evaluate(() => {
      const el = (window as unknown as { removed: CaptivateChatElement }).removed;
      return [
        el.send('after removal') === undefined,
        el.shadowRoot!.querySelector('[role="dialog"]') === null,
      ];
    });
    expect(answer).toEqual([true, true]);
    // Put back, it stays finished: a page that wants the chat again renders a new element.
    await page.evaluate(() => document.body.append((window as unknown as { removed: Element }).removed));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
  });

  test('a framework moving the element keeps its widget and conversation', async ({ page, site }) => {
    await page.goto(elementUrl(site, [{ id: 'chat', inline: '', style: 'height: 500px' }]));
    const w = widgetLocators(page);
    await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
    await w.send('before the move');
    await expectReply(w.log, 'before the move');
    // Removed and inserted elsewhere in the same task, as a keyed list re-ordering does.
    await page.evaluate(() => {
      const el = document.querySelector('captivate-chat')!;
      el.remove();
      document.querySelector('h1')!.before(el);
    });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
    await expect(w.log.locator('[data-sender="user"]').first()).toContainText('before the move');
    await w.send('after the move');
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('after the move');
    await expect(w.log.locator('[data-sender="bot"]').nth(2)).toBeVisible();
  });
});

test.describe('with the script tag', () => {
  test('the script-tag page has exactly one widget once the element is defined', async ({
    page,
    openHost,
  }) => {
    const w = await openHost(page);
    await defined(page);
    await expect(page.locator('captivate-chat')).toHaveCount(1);
    await expect(w.launcher).toHaveCount(1);
    await w.openChat();
    await expect(page.getByRole('dialog')).toHaveCount(1);
    // Its host is a <captivate-chat> without the API: window.CaptivateChat is the script tag's.
    expect(await page.evaluate(() => typeof document.querySelector('captivate-chat')!.open)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => globalThis.CaptivateChat!.isOpen)).toBe(true);
  });

  test('a configured tag and an inline element: two widgets, each with its own API', async ({
    page,
    site,
  }) => {
    await page.goto(elementUrl(site, [{ id: 'inline', inline: '', title: 'Inline', persist: 'none' }], {}));
    const inline = page.getByRole('dialog', { name: 'Inline' });
    await expect(inline).toBeVisible();
    await expect(page.locator('captivate-chat')).toHaveCount(2);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await expect(launcher).toHaveCount(1);
    await page.evaluate(() => globalThis.CaptivateChat!.open());
    await expect(page.getByRole('dialog')).toHaveCount(2);
    await onElement(page, 'inline', (el) => el.send('inline only'));
    await expectReply(inline.getByRole('log'), 'inline only');
  });
});
