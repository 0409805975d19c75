/** Files a host lets through with a wide `accept`: dangerous types and disguised names are still refused. */
import { expect, test } from './support/fixtures';

test('with accept="*/*", scripts and a right-to-left-override name are refused by their real names', async ({
  page,
  openHost,
  hub,
}) => {
  const w = await openHost(page, { cfg: { accept: '*/*' } });
  await w.openChat();
  const before = (await hub.control.frames({ type: 'user_message' })).length;
  await w.panel.locator('input[type="file"]').setInputFiles([
    { name: 'invoice\u202Efdp.exe', mimeType: 'application/pdf', buffer: Buffer.from('MZ') },
    { name: 'settings.xml', mimeType: 'text/xml', buffer: Buffer.from('<?xml version="1.0"?><a/>') },
    { name: 'run.ps1', mimeType: 'text/plain', buffer: Buffer.from('Get-Process') },
  ]);
  const alert = w.panel.getByRole('alert');
  await expect(alert).toContainText('invoicefdp.exe is not a supported file type');
  await expect(alert).toContainText('settings.xml is not a supported file type');
  await expect(alert).toContainText('run.ps1 is not a supported file type');
  expect(await alert.textContent()).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
  await expect(w.panel.locator('.cc-chip')).toHaveCount(0);
  expect((await hub.control.frames({ type: 'user_message' })).length).toBe(before);
});

test('a name with invisible characters is shown and sent without them', async ({ page, openHost, hub }) => {
  const w = await openHost(page, { cfg: { accept: '*/*' } });
  await w.openChat();
  await w.panel.locator('input[type="file"]').setInputFiles({
    name: '\u200Fnot\u200Bes\u2066.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Order 1234 arrived damaged.'),
  });
  await expect(w.panel.getByRole('button', { name: 'Remove notes.txt' })).toBeVisible();
  await expect(w.panel.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await w.send('See the note');
  await expect(w.log.locator('[data-sender="user"]').last()).toContainText('notes.txt');
  await expect
    .poll(async () => {
      const frames = await hub.control.frames({ type: 'user_message' });
      const sent = frames.find((f) => JSON.stringify(f.payload).includes('See the note'));
      return (sent?.payload as { content?: { files?: Array<{ filename?: string }> } } | undefined)?.content
        ?.files?.[0]?.filename;
    })
    .toBe('notes.txt');
});
