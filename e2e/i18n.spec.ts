/**
 * Languages: negotiation (data-locale → navigator.languages → the page's lang, with region fallback), one
 * lazily loaded chunk per language fetched only by its visitors, plural forms, and setLocale at run time
 * through the JS API and the iframe bridge.
 */
import type { Page } from '@playwright/test';
import { expect, storedConversationId, test } from './support/fixtures';

const LOCALE_CHUNK = /\/assets\/(ar|de|es|fr|he|it|ja|nl|pl|pt-br|tr|zh-cn)-[\w-]+\.js$/;

/** The language chunks the page fetched, by language. */
function trackLocaleChunks(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const match = LOCALE_CHUNK.exec(new URL(request.url()).pathname);
    if (match) fetched.push(match[1]!);
  });
  return fetched;
}

test('data-locale picks Spanish: the launcher is named before any chunk loads, the panel after one chunk', async ({
  page,
  openHost,
}) => {
  const fetched = trackLocaleChunks(page);
  await openHost(page, { cfg: { locale: 'es' } });
  const launcher = page.getByRole('button', { name: 'Abrir chat' });
  await expect(launcher).toBeVisible();
  expect(fetched).toEqual([]);
  await launcher.click();
  const panel = page.getByRole('dialog', { name: 'Chatea con nosotros' });
  await expect(panel.getByRole('textbox', { name: 'Mensaje' })).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Cerrar chat' })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Mensaje' })).toHaveAttribute(
    'placeholder',
    'Escribe un mensaje…',
  );
  await expect(panel.locator('xpath=ancestor::*[@lang][1]')).toHaveAttribute('lang', 'es');
  expect(fetched).toEqual(['es']);
});

test('an English visitor fetches no language chunk', async ({ page, openHost }) => {
  const fetched = trackLocaleChunks(page);
  const w = await openHost(page);
  await w.openChat();
  await expect(w.panel.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
  expect(fetched).toEqual([]);
});

test.describe('from navigator.languages', () => {
  test.use({ locale: 'de-AT' });

  test('an Austrian browser gets German strings and its own time format', async ({ page, openHost }) => {
    const fetched = trackLocaleChunks(page);
    await openHost(page);
    await page.getByRole('button', { name: 'Chat öffnen' }).click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('textbox', { name: 'Nachricht' })).toBeFocused();
    await expect(panel.locator('[data-sender="bot"]').first()).toBeVisible();
    // de-AT writes 24-hour times without AM/PM.
    await expect(panel.locator('time').first()).toHaveText(/^\d{2}:\d{2}$/);
    expect(fetched).toEqual(['de']);
  });
});

test.describe('from the page’s lang', () => {
  test.use({ locale: 'sv-SE' });

  test('with no browser language we speak, the page’s lang decides', async ({ page, openHost }) => {
    await openHost(page, { lang: 'fr' });
    await page.getByRole('button', { name: 'Ouvrir le chat' }).click();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Envoyer' })).toBeVisible();
  });

  test('a region falls back to its language: pt-PT reads Brazilian Portuguese', async ({
    page,
    openHost,
  }) => {
    await openHost(page, { cfg: { locale: 'pt-PT' } });
    await page.getByRole('button', { name: 'Abrir chat' }).click();
    await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Mensagem' })).toBeFocused();
  });

  test('Traditional Chinese does not fall back to Simplified: the next preference decides', async ({
    page,
    openHost,
  }) => {
    const fetched = trackLocaleChunks(page);
    await openHost(page, { cfg: { locale: 'zh-TW' }, lang: 'ja' });
    await page.getByRole('button', { name: 'チャットを開く' }).click();
    await expect(page.getByRole('dialog').getByRole('button', { name: '送信' })).toBeVisible();
    expect(fetched).toEqual(['ja']);
  });
});

test('the unread count on the launcher takes the language’s plural forms', async ({
  page,
  openHost,
  hub,
}) => {
  await openHost(page, { cfg: { locale: 'pl' } });
  await page.getByRole('button', { name: 'Otwórz czat' }).click();
  await expect(page.getByRole('dialog').locator('[data-sender="bot"]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  const conversationId = await storedConversationId(page);
  const push = (n: number) =>
    hub.control.push(conversationId, {
      event_type: 'bot_message',
      event_payload: {
        type: 'message_create',
        ch_msg_id: `pl-${n}`,
        bot: {},
        content: [{ type: 'text', text: `Wiadomość ${n}` }],
      },
    });
  await push(1);
  await expect(page.getByRole('button', { name: 'Otwórz czat, 1 nieprzeczytana wiadomość' })).toBeVisible();
  await push(2);
  await push(3);
  await expect(page.getByRole('button', { name: 'Otwórz czat, 3 nieprzeczytane wiadomości' })).toBeVisible();
  await push(4);
  await push(5);
  await expect(
    page.getByRole('button', { name: 'Otwórz czat, 5 nieprzeczytanych wiadomości' }),
  ).toBeVisible();
});

test('setLocale switches the language at run time, keeping the draft; a malformed tag is refused', async ({
  page,
  openHost,
}) => {
  const w = await openHost(page);
  await w.openChat();
  await w.composer.fill('draft survives');
  await page.evaluate(() =>
    (window as unknown as { CaptivateChat: { setLocale(t: string): Promise<void> } }).CaptivateChat.setLocale(
      'ja',
    ),
  );
  const panel = page.getByRole('dialog');
  await expect(panel.getByRole('textbox', { name: 'メッセージ' })).toHaveValue('draft survives');
  await expect(page.getByRole('button', { name: 'チャットを開く' })).toHaveAttribute('aria-expanded', 'true');

  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.evaluate(() =>
    (
      window as unknown as { CaptivateChat: { setLocale(t: string): Promise<unknown> } }
    ).CaptivateChat.setLocale('not a tag!'),
  );
  await expect.poll(() => errors.join('\n')).toContain('setLocale: invalid arguments');
  await expect(panel.getByRole('button', { name: '送信' })).toBeVisible();

  await page.evaluate(() =>
    (window as unknown as { CaptivateChat: { setLocale(t: string): Promise<void> } }).CaptivateChat.setLocale(
      'he',
    ),
  );
  await expect(panel.getByRole('button', { name: 'שליחה' })).toBeVisible();
  await expect(panel.locator('xpath=ancestor::*[@dir][1]')).toHaveAttribute('dir', 'rtl');
});

test('setLocale through the iframe bridge', async ({ page, site, hub }) => {
  const params = new URLSearchParams({
    'api-key': 'e2e-key',
    url: hub.url,
    'allowed-origins': site.altOrigin,
  });
  const src = `${site.origin}/embed.html?${params}`;
  await page.goto(`${site.altOrigin}/frame-host?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#chat');
  await expect(frame.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
  const reply = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const iframe = document.querySelector('iframe')!;
        window.addEventListener('message', (e) => {
          if (e.source === iframe.contentWindow && e.data?.type === 'result') resolve(e.data);
        });
        iframe.contentWindow!.postMessage(
          { source: 'captivate-chat', type: 'command', command: 'setLocale', args: ['de'], id: 1 },
          new URL(iframe.src).origin,
        );
      }),
  );
  expect(reply).toMatchObject({ type: 'result', id: 1 });
  expect(reply).not.toHaveProperty('error');
  await expect(frame.getByRole('button', { name: 'Senden' })).toBeVisible();
});
