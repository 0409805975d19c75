// @vitest-environment jsdom
/**
 * What the widget shows of what others name: every image the hub (or the visitor) names is fetched without a
 * referrer, and file names are shown and sent without invisible characters.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderTestApp } from '../embed/test-app';
import { markdownRenderer } from '../markdown/lazy';
import type { MessagePart, SenderKind } from '../protocol/model';
import type { ChatStore } from '../store/chat-store';
import { createMessage } from '../store/messages';
import { type ChatOptions, DEFAULTS } from '../store/options';
import { chipsChunk } from './composer/attachment-chips';
import { cardsChunk } from './log/parts/part-cards';

const IMG = 'https://img.example';
let container: HTMLElement;
let store: ChatStore;

function mount(): void {
  const options: ChatOptions = {
    ...DEFAULTS,
    apiKey: 'k',
    start: 'user-first',
    open: true,
    persist: 'none',
    avatar: `${IMG}/bot.png`,
    accept: 'image/*,text/plain,application/pdf',
  };
  store = renderTestApp(container, options);
}

function say(id: string, sender: SenderKind, parts: MessagePart[], avatar?: string): void {
  const message = createMessage({ id, sender, parts, at: Date.now(), history: true });
  act(() => {
    store.state.messages.value = [...store.state.messages.value, avatar ? { ...message, avatar } : message];
  });
}

/** Picks files and waits for the checks' chunk to admit them. */
async function pick(...files: File[]): Promise<void> {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  act(() => {
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(() => vi.dynamicImportSettled());
}

const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

beforeAll(async () => {
  await Promise.all([markdownRenderer.load(), cardsChunk.load(), chipsChunk.load()]);
});
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

describe('images the hub names', () => {
  it('are all fetched with referrerpolicy="no-referrer": avatars, cards, files, markdown, previews', async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:preview' }));
    mount();
    say('b1', 'bot', [
      { kind: 'text', text: `Look ![chart](${IMG}/md.png)` },
      {
        kind: 'cards',
        cards: [
          { title: 'One', imageUrl: `${IMG}/card1.png`, link: 'https://shop.example/1' },
          { title: 'Two', imageUrl: `${IMG}/card2.png` },
        ],
      },
      {
        kind: 'files',
        files: [
          { url: `${IMG}/photo.png`, name: 'photo.png', kind: 'image' },
          { url: `${IMG}/full.jpg`, thumbnail: `${IMG}/thumb.jpg`, name: 'full.jpg', kind: 'image' },
        ],
      },
    ]);
    say('a1', 'agent', [{ kind: 'text', text: 'Hello, Dana here' }], `${IMG}/dana.png`);
    act(() => {
      store.state.agent.value = { phase: 'joined', name: 'Dana', avatar: `${IMG}/dana-header.png` };
    });
    await pick(new File(['png'], 'mine.png', { type: 'image/png' }));
    await settle();

    const images = Array.from(container.querySelectorAll('img'));
    expect(images.map((img) => img.getAttribute('src')).sort()).toEqual(
      [
        'blob:preview',
        `${IMG}/bot.png`,
        `${IMG}/card1.png`,
        `${IMG}/card2.png`,
        `${IMG}/dana-header.png`,
        `${IMG}/dana.png`,
        `${IMG}/md.png`,
        `${IMG}/photo.png`,
        `${IMG}/thumb.jpg`,
      ].sort(),
    );
    for (const img of images) {
      expect(img.getAttribute('referrerpolicy'), img.getAttribute('src') ?? '').toBe('no-referrer');
    }
  });
});

describe('file names', () => {
  it('refuses a right-to-left-override name as what it is, and names it in its real order', async () => {
    mount();
    await pick(new File(['MZ'], 'invoice\u202Efdp.exe', { type: 'application/pdf' }));
    const alert = container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toBe('invoicefdp.exe is not a supported file type.');
    expect(store.state.attachments.value).toEqual([]);
  });

  it('shows and uploads a picked file under its name without invisible characters', async () => {
    mount();
    const picked = new File(['hi'], '\u200Fre\u200Bport\u2066.pdf', { type: 'application/pdf' });
    await pick(picked);
    const [attachment] = store.state.attachments.value;
    expect(attachment?.file.name).toBe('report.pdf');
    expect(attachment?.file.size).toBe(picked.size);
    expect(attachment?.file.type).toBe('application/pdf');
    expect(container.querySelector('.cc-chip-name')?.textContent).toBe('report.pdf');
  });

  it('shows a file the hub names without invisible characters', () => {
    mount();
    say('b1', 'bot', [
      {
        kind: 'files',
        files: [{ url: 'https://files.example/x', name: 'statement\u202Efdp.scr', kind: 'file' }],
      },
    ]);
    expect(container.querySelector('.cc-file-name')?.textContent).toBe('statementfdp.scr');
    expect(container.querySelector('a.cc-file-chip')?.getAttribute('title')).toBe(
      'Download statementfdp.scr',
    );
  });
});
