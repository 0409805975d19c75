/** Talking to a human, and attaching files. */
import { failChunk } from './support/chunks';
import { expect, storedConversationId, test, userMessageWith } from './support/fixtures';

test.describe('live agent', { tag: '@every-mode' }, () => {
  test('talk to a human: waiting state, agent joins with name, agent messages, agent leaves', async ({
    page,
    openHost,
  }) => {
    const w = await openHost(page);
    await w.openChat();
    const human = w.panel.getByRole('button', { name: 'Talk to a human' });
    await human.click();
    await expect(w.log.getByText('Dana joined the chat')).toBeVisible();
    const agentMessage = w.log.locator('[data-sender="agent"]').first();
    await expect(agentMessage).toBeVisible();
    await expect(w.panel.getByText('Dana').first()).toBeVisible();
    await expect(w.log.locator('[data-sender="agent"] img').first()).toBeVisible();
    await w.send('bye');
    await expect(w.log.getByText('Dana left the chat')).toBeVisible();
  });

  test('a failed assignment tells the visitor and the bot carries on', async ({ page, openHost, hub }) => {
    await hub.control.setOptions({ agentFailureRate: 1 });
    try {
      const w = await openHost(page);
      await w.openChat();
      await w.panel.getByRole('button', { name: 'Talk to a human' }).click();
      await expect(w.panel.getByText('Connecting you to a person…')).toBeVisible();
      await expect(w.log.getByText(/No one is available right now/)).toBeVisible();
      await expect(w.panel.getByRole('button', { name: 'Talk to a human' })).toBeEnabled();
    } finally {
      await hub.control.setOptions({ agentFailureRate: 0 });
    }
  });
});

test.describe('file attach', { tag: '@every-mode' }, () => {
  test('an oversize file gets a clear inline error and nothing is uploaded or sent', async ({
    page,
    openHost,
    hub,
  }) => {
    const w = await openHost(page, { cfg: { 'max-file-size': '1000' } });
    await w.openChat();
    const before = (await hub.control.frames({ type: 'user_message' })).length;
    await w.panel.locator('input[type="file"]').setInputFiles({
      name: 'big.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(1001, 1),
    });
    await expect(w.panel.getByRole('alert')).toContainText('big.pdf is too large');
    await expect(w.panel.getByRole('button', { name: 'Remove big.pdf' })).toHaveCount(0);
    await expect(w.panel.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
    expect((await hub.control.frames({ type: 'user_message' })).length).toBe(before);
  });

  test('a refused type (svg) is rejected before upload', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.launcher.click();
    await w.panel.locator('input[type="file"]').setInputFiles({
      name: 'evil.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    });
    await expect(w.panel.getByRole('alert')).toContainText('evil.svg is not a supported file type');
  });

  test('a file uploads with progress, is sent with the text and shows in the bubble', async ({
    page,
    openHost,
    hub,
  }) => {
    const w = await openHost(page);
    await w.openChat();
    await w.panel.locator('input[type="file"]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Order 1234 arrived damaged.'),
    });
    await expect(w.panel.getByRole('button', { name: 'Remove notes.txt' })).toBeVisible();
    await expect(w.panel.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
    await w.send('Here is my note');
    const bubble = w.log.locator('[data-sender="user"]').last();
    await expect(bubble).toContainText('Here is my note');
    await expect(bubble).toContainText('notes.txt');
    // This conversation's message: the worker's hub has served other tests' notes.txt too.
    const conversationId = await storedConversationId(page);
    await expect.poll(() => userMessageWith(hub, conversationId, 'notes.txt') !== undefined).toBe(true);
    const frame = userMessageWith(hub, conversationId, 'notes.txt')!;
    const content = (frame.payload as { content: { text: string; files: Array<Record<string, unknown>> } })
      .content;
    expect(content.text).toBe('Here is my note');
    expect(content.files[0]).toMatchObject({ filename: 'notes.txt', type: 'text/plain' });
    expect((content.files[0]!.textContent as { text: string }).text).toContain('Order 1234');
  });

  test('a pasted image is attached', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.launcher.click();
    await w.composer.focus();
    await w.composer.evaluate((el) => {
      const png = Uint8Array.from(
        atob(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        ),
        (c) => c.charCodeAt(0),
      );
      const data = new DataTransfer();
      data.items.add(new File([png], 'pasted.png', { type: 'image/png' }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(w.panel.getByRole('button', { name: 'Remove pasted.png' })).toBeVisible();
  });

  test('files dropped on the panel are attached', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.launcher.click();
    const dataTransfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['a,b\n1,2'], 'table.csv', { type: 'text/csv' }));
      return data;
    });
    await w.panel.dispatchEvent('dragenter', { dataTransfer });
    await w.panel.dispatchEvent('dragover', { dataTransfer });
    await w.panel.dispatchEvent('drop', { dataTransfer });
    await expect(w.panel.getByRole('button', { name: 'Remove table.csv' })).toBeVisible();
  });

  test('file code that could not be fetched fails the upload or hides the chips, and the next file fetches it again', async ({
    page,
    openHost,
    hub,
  }) => {
    // The file checks, the uploader and the chips are chunks fetched at the first file: each fails once here.
    for (const chunk of ['validate-file', 'vendor-uploader', 'chip-list']) {
      await failChunk(page, new RegExp(`/assets/${chunk}-[^/]*\\.js$`), { once: true });
    }
    const w = await openHost(page);
    await w.openChat();
    const note = {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Order 1234 arrived damaged.'),
    };
    const input = w.panel.locator('input[type="file"]');
    await input.setInputFiles(note);
    await expect(w.panel.getByRole('alert')).toHaveText('Upload failed for notes.txt. Try again.');
    await expect(w.panel.getByRole('button', { name: 'Remove notes.txt' })).toHaveCount(0);

    // The upload fails, and so does the fetch of the chips: the next file brings them.
    const chipsFailed = page.waitForEvent('requestfailed', (request) =>
      request.url().includes('/chip-list-'),
    );
    await input.setInputFiles(note);
    await chipsFailed;
    await expect(w.panel.locator('.cc-chip')).toHaveCount(0);
    await input.setInputFiles({ ...note, name: 'notes-2.txt' });
    await expect(w.panel.locator('.cc-chip').first()).toContainText('Upload failed for notes.txt');
    await w.panel.getByRole('button', { name: 'Remove notes-2.txt' }).click();
    await w.panel.getByRole('button', { name: 'Remove notes.txt' }).click();

    await input.setInputFiles(note);
    await w.composer.fill('Here is my note');
    await expect(w.panel.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
    await w.composer.press('Enter');
    const conversationId = await storedConversationId(page);
    await expect.poll(() => userMessageWith(hub, conversationId, 'notes.txt') !== undefined).toBe(true);
  });
});
