// @vitest-environment jsdom
/** Files whose link expired: renewed through the store, else shown by name with "link expired". */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTestApp } from '../../../embed/test-app';
import type { FileRef } from '../../../protocol/model';
import { createMessage } from '../../../store/messages';
import { type ChatOptions, DEFAULTS } from '../../../store/options';

let container: HTMLElement;
let asked: string[];

function show(file: FileRef, fresh: (key: string) => Promise<string | undefined>) {
  const options: ChatOptions = { ...DEFAULTS, apiKey: 'k', start: 'user-first', open: true, persist: 'none' };
  asked = [];
  const store = renderTestApp(container, options, {
    fileLinks: {
      fresh(key) {
        asked.push(key);
        return fresh(key);
      },
    },
  });
  act(() => {
    store.state.messages.value = [
      createMessage({
        id: 'b1',
        sender: 'bot',
        parts: [{ kind: 'files', files: [file] }],
        at: 0,
        history: true,
      }),
    ];
  });
}

const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));
const PAST = Date.now() - 60_000;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('FileItem with expiring links', () => {
  it('renews a link whose expiry has passed before it is shown', async () => {
    show(
      {
        url: 'https://files.example/old.pdf',
        name: 'a.pdf',
        kind: 'file',
        fileKey: 'K/c/a.pdf',
        expiresAt: PAST,
      },
      async () => 'https://files.example/new.pdf',
    );
    expect(container.querySelector('a[href="https://files.example/old.pdf"]')).toBeNull();
    await settle();
    expect(asked).toEqual(['K/c/a.pdf']);
    expect(container.querySelector('a.cc-file-chip')?.getAttribute('href')).toBe(
      'https://files.example/new.pdf',
    );
  });

  it('shows the name and "link expired" when no fresh link can be had', async () => {
    show(
      {
        url: 'https://files.example/old.png',
        name: 'shot.png',
        kind: 'image',
        fileKey: 'K/c/s',
        expiresAt: PAST,
      },
      async () => undefined,
    );
    await settle();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.cc-file-chip')?.textContent).toBe('shot.pnglink expired');
    expect(container.querySelector('a.cc-file-chip')).toBeNull();
  });

  it('renews an image that fails to load once, then gives up', async () => {
    show(
      { url: 'https://files.example/a.png', name: 'a.png', kind: 'image', fileKey: 'K/c/a' },
      async () => 'https://files.example/b.png',
    );
    const first = container.querySelector('img');
    expect(first?.getAttribute('src')).toBe('https://files.example/a.png');
    expect(first?.getAttribute('referrerpolicy')).toBe('no-referrer');
    act(() => void first?.dispatchEvent(new Event('error')));
    await settle();
    const second = container.querySelector('img');
    expect(second?.getAttribute('src')).toBe('https://files.example/b.png');
    act(() => void second?.dispatchEvent(new Event('error')));
    await settle();
    expect(asked).toEqual(['K/c/a']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('link expired');
  });

  it('shows an expired file without a key as expired, asking nothing', async () => {
    show(
      { url: 'https://files.example/x', name: 'x.txt', kind: 'file', expiresAt: PAST },
      async () => 'https://y',
    );
    await settle();
    expect(asked).toEqual([]);
    expect(container.textContent).toContain('x.txtlink expired');
  });
});
