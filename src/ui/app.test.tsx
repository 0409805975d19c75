// @vitest-environment jsdom
/**
 * The markup contract (docs/architecture.md §2) and the main interactions, rendered in jsdom against a real store
 * that never connects. Browser behaviour (layout, scrolling, CSP) is covered by the Playwright suite.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderTestApp } from '../embed/test-app';
import { htmlRenderer, markdownRenderer } from '../markdown/lazy';
import type { MarkdownRenderer } from '../markdown/render-markdown';
import type { MessagePart, SenderKind } from '../protocol/model';
import type { ChatStore } from '../store/chat-store';
import { type ChatMessage, createMessage, type DeliveryState } from '../store/messages';
import { type ChatOptions, DEFAULTS } from '../store/options';
import { chipsChunk } from './composer/attachment-chips';
import { menuChunk } from './header/lazy-menu';
import { cardsChunk } from './log/parts/part-cards';

const baseOptions: ChatOptions = {
  ...DEFAULTS,
  apiKey: 'k',
  url: 'wss://hub.example/ws',
  start: 'user-first',
  theme: 'light',
  maxFileSize: 1000,
  accept: 'image/*,text/plain',
  uploadUrl: 'https://upload.example/',
  persist: 'none',
};

let container: HTMLElement;
let store: ChatStore;
let onClosed: ReturnType<typeof vi.fn<() => void>>;

function mount(options: Partial<ChatOptions> = {}, mode: 'launcher' | 'frame' = 'launcher') {
  const merged = { ...baseOptions, ...options };
  onClosed = vi.fn<() => void>();
  store = renderTestApp(container, merged, {}, { mode, onClosed });
}

let seq = 0;
type Extra = Partial<Omit<ChatMessage, 'delivery' | 'chosen'>> & { delivery?: DeliveryState };

function add(sender: SenderKind, parts: MessagePart[], extra: Extra = {}): ChatMessage {
  seq += 1;
  const message = createMessage({ id: `t${seq}`, sender, parts, at: Date.now(), history: false, ...extra });
  act(() => {
    store.state.messages.value = [...store.state.messages.value, message];
  });
  return message;
}

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const $$ = (selector: string) => Array.from(container.querySelectorAll<HTMLElement>(selector));
const button = (name: string) =>
  $$('button').find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
const textarea = () => $<HTMLTextAreaElement>('textarea')!;

function type(value: string) {
  act(() => {
    const el = textarea();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function key(el: Element, init: KeyboardEventInit) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    el.dispatchEvent(event);
  });
  return event;
}

// The rich-text, menu and cards chunks are fetched on demand in the browser; here they are loaded up front.
let markdown: MarkdownRenderer;
beforeAll(async () => {
  markdown = await markdownRenderer.load();
  await Promise.all([htmlRenderer.load(), menuChunk.load(), cardsChunk.load(), chipsChunk.load()]);
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
});

describe('panel', () => {
  it('renders nothing until opened, then a dialog named by the title with focus in the composer', () => {
    mount({ title: 'Support' });
    expect($('[role="dialog"]')).toBeNull();
    act(() => store.setOpen(true));
    const dialog = $('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Support');
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(textarea().getAttribute('aria-label')).toBe('Message');
    expect(container.ownerDocument.activeElement).toBe(textarea());
    const log = $('[role="log"]')!;
    // The log is windowed, so new messages are announced by a live region of their own (see below).
    expect(log.getAttribute('aria-live')).toBe('off');
    expect($('[data-announcer]')!.getAttribute('aria-live')).toBe('polite');
    expect(log.getAttribute('aria-label')).toBe('Chat messages');
  });

  it('does not steal focus when it starts open', () => {
    mount({ open: true });
    expect($('[role="dialog"]')).not.toBeNull();
    expect(container.ownerDocument.activeElement).not.toBe(textarea());
  });

  it('closes on Escape and with the close button, calling onClosed', () => {
    mount();
    act(() => store.setOpen(true));
    key(textarea(), { key: 'Escape' });
    expect(store.state.open.value).toBe(false);
    expect($<HTMLElement>('[role="dialog"]')!.hidden).toBe(true);
    expect(onClosed).toHaveBeenCalledTimes(1);
    act(() => store.setOpen(true));
    act(() => button('Close chat')!.click());
    expect(store.state.open.value).toBe(false);
    expect(onClosed).toHaveBeenCalledTimes(2);
  });

  it('is always shown in frame mode, without a close button', () => {
    mount({}, 'frame');
    expect($('[role="dialog"]')).not.toBeNull();
    expect(button('Close chat')).toBeUndefined();
    key(textarea(), { key: 'Escape' });
    expect($<HTMLElement>('[role="dialog"]')!.hidden).toBe(false);
  });

  it('shows the agent’s name instead of the subtitle once one joined', () => {
    mount({ open: true, subtitle: 'We answer fast' });
    expect($('.cc-subtitle')!.textContent).toBe('We answer fast');
    act(() => {
      store.state.agent.value = { phase: 'joined', name: 'Dana' };
    });
    expect($('.cc-subtitle')!.textContent).toBe('Dana');
  });
});

describe('menu', () => {
  it('opens with the keyboard, moves with arrows, closes on Escape without closing the panel', () => {
    mount({ open: true });
    const menuButton = button('Conversation menu')!;
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
    key(menuButton, { key: 'ArrowDown' });
    const menu = $('[role="menu"]')!;
    const items = $$('[role="menuitem"]');
    // Without messages, a conversation or a user id, only the entries that can do something are offered.
    expect(items.map((i) => i.textContent)).toEqual(['Conversations', 'New conversation']);
    expect(container.ownerDocument.activeElement).toBe(items[0]);
    key(items[0]!, { key: 'Escape' });
    expect($('[role="menu"]')).toBeNull();
    expect(menu.isConnected).toBe(false);
    expect(store.state.open.value).toBe(true);
    expect(container.ownerDocument.activeElement).toBe(menuButton);
  });

  it('starts a new conversation', () => {
    mount({ open: true });
    add('bot', [{ kind: 'text', text: 'hello' }]);
    act(() => button('Conversation menu')!.click());
    act(() =>
      $$('[role="menuitem"]')
        .find((i) => i.textContent === 'New conversation')!
        .click(),
    );
    expect(store.state.messages.value).toEqual([]);
    expect($('[role="menu"]')).toBeNull();
  });
});

describe('status bar', () => {
  it('is empty while connected and shows the state otherwise, with retry after failure', () => {
    mount({ open: true });
    const status = () => $('.cc-status')!;
    expect(status().getAttribute('role')).toBe('status');
    expect(status().textContent).toBe('Connecting…');
    act(() => {
      store.state.connection.value = { state: 'connected' };
    });
    expect(status().textContent).toBe('');
    act(() => {
      store.state.connection.value = { state: 'reconnecting', retryInMs: 4200 };
    });
    expect(status().textContent).toBe('Reconnecting in 5 s…');
    const retry = vi.spyOn(store, 'retryConnection');
    act(() => {
      store.state.connection.value = { state: 'failed' };
    });
    expect(status().textContent).toContain('Can’t reach the chat server.');
    act(() => button('Retry')!.click());
    expect(retry).toHaveBeenCalled();
  });
});

describe('messages', () => {
  it('tags each message with its sender and id, and groups consecutive ones', () => {
    mount({ open: true, title: 'Acme' });
    const a = add('bot', [{ kind: 'text', text: 'Hi **there**' }]);
    add('bot', [{ kind: 'text', text: 'Second' }]);
    add('agent', [{ kind: 'text', text: 'Agent here' }], { senderName: 'Dana' });
    add('system', [{ kind: 'text', text: 'Oops' }], { tone: 'error' });
    expect($$('[data-sender]').map((el) => el.dataset.sender)).toEqual(['bot', 'bot', 'agent', 'system']);
    expect($(`[data-message-id="${a.id}"] strong`)!.textContent).toBe('there');
    expect($$('.cc-group-name').map((el) => el.textContent)).toEqual(['Acme', 'Dana']);
    expect($('[data-sender="system"]')!.dataset.tone).toBe('error');
    expect($$('time')).toHaveLength(2);
  });

  it('renders the visitor’s text as plain text, never as markdown or HTML', () => {
    mount({ open: true });
    add('user', [{ kind: 'text', text: '**bold** <img src=x onerror=alert(1)>\nline two' }], {
      delivery: 'sent',
    });
    const user = $('[data-sender="user"]')!;
    expect(user.querySelector('strong, img')).toBeNull();
    expect(user.querySelector('.cc-plain')!.textContent).toBe(
      '**bold** <img src=x onerror=alert(1)>\nline two',
    );
  });

  it('hides pause-only messages and shows the welcome text first', () => {
    mount({ open: true, welcome: 'Welcome *friend*' });
    add('bot', [{ kind: 'pause', ms: 100 }]);
    expect($$('[data-sender]')).toHaveLength(0);
    expect($('[data-welcome] em')!.textContent).toBe('friend');
  });

  it('renders only the beginning of a very long text, with a toggle', () => {
    mount({ open: true });
    add('bot', [{ kind: 'text', text: 'x'.repeat(1_000_000) }]);
    const bubble = $('[data-sender="bot"] .cc-bubble')!;
    expect(bubble.textContent!.length).toBeLessThan(5000);
    const more = button('Show more')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  it('quick replies send the value, show the label and disable the set', () => {
    mount({ open: true });
    const message = add('bot', [
      {
        kind: 'choices',
        title: 'Pick one',
        options: [
          { label: 'Yes', value: 'y' },
          { label: 'No', value: 'n' },
        ],
      },
    ]);
    act(() => button('Yes')!.click());
    expect(message.chosen.value).toBe('Yes');
    const choices = $$('.cc-choice') as HTMLButtonElement[];
    expect(choices.every((b) => b.disabled)).toBe(true);
    expect(choices.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    const user = $$('[data-sender="user"]');
    expect(user).toHaveLength(1);
    expect(user[0]!.textContent).toContain('Yes');
  });

  it('links only safe URLs and opens http(s) in a new tab', () => {
    mount({ open: true });
    add('bot', [
      {
        kind: 'links',
        links: [
          { title: 'Docs', url: 'https://docs.example/' },
          { title: 'Evil', url: 'javascript:alert(1)' },
          { title: 'Mail', url: 'mailto:help@example.com' },
        ],
      },
      {
        kind: 'cards',
        cards: [
          { title: 'Card A', imageUrl: 'https://img.example/a.png', link: 'https://a.example/' },
          { title: 'Card B', imageUrl: 'data:image/png;base64,AAAA', link: '//evil.example' },
        ],
      },
      {
        kind: 'files',
        files: [
          { url: 'https://files.example/r.pdf', name: 'report.pdf', kind: 'file', size: 2048 },
          { url: 'https://files.example/p.png', kind: 'image' },
        ],
      },
    ]);
    const anchors = $$('a');
    const docs = anchors.find((a) => a.textContent === 'Docs')!;
    expect(docs.getAttribute('target')).toBe('_blank');
    expect(docs.getAttribute('rel')).toBe('noopener noreferrer');
    expect(anchors.some((a) => a.textContent === 'Evil')).toBe(false);
    expect($$('.cc-unlinked').some((s) => s.textContent === 'Evil')).toBe(true);
    const mail = anchors.find((a) => a.textContent === 'Mail')!;
    expect(mail.hasAttribute('target')).toBe(false);
    const cardLinks = anchors.filter((a) => a.textContent === 'Open link');
    expect(cardLinks.map((a) => a.getAttribute('aria-label'))).toEqual(['Open link: Card A']);
    const images = $$('img').map((i) => i.getAttribute('src'));
    expect(images).toContain('https://img.example/a.png');
    expect(images.some((src) => src?.startsWith('data:'))).toBe(false);
    const chip = anchors.find((a) => a.textContent?.includes('report.pdf'))!;
    expect(chip.textContent).toContain('2 KB');
    expect(chip.hasAttribute('download')).toBe(true);
    const preview = $<HTMLImageElement>('.cc-file-image img')!;
    expect(preview.getAttribute('alt')).toBe('Image from Assistant');
  });

  it('shows the delivery state of the visitor’s messages', () => {
    mount({ open: true });
    const message = add('user', [{ kind: 'text', text: 'hi' }], { delivery: 'sending' });
    expect($('[data-delivery="sending"]')!.textContent).toBe('Sending…');
    act(() => {
      message.delivery!.value = 'failed';
    });
    expect($('[data-delivery="failed"]')!.textContent).toContain('Not sent');
    act(() => {
      message.delivery!.value = 'sent';
    });
    expect($('[data-delivery="sent"]')!.textContent).toBe('Sent');
  });

  it('does not re-render the other messages when one is appended or one changes', () => {
    mount({ open: true });
    const spy = vi.spyOn(markdown, 'renderMarkdown');
    const rendered = () => spy.mock.calls.filter(([text]) => text === '**one**').length;
    add('bot', [{ kind: 'text', text: '**one**' }]);
    const first = $('[data-sender="bot"]');
    expect(rendered()).toBe(1);
    const user = add('user', [{ kind: 'text', text: 'two' }], { delivery: 'sending' });
    add('bot', [{ kind: 'text', text: 'three' }]);
    add('bot', [{ kind: 'text', text: 'four' }]);
    act(() => {
      user.delivery!.value = 'sent';
    });
    expect($('[data-sender="bot"]')).toBe(first);
    expect(rendered()).toBe(1);
    spy.mockRestore();
  });

  it('shows a typing indicator with words for screen readers', () => {
    mount({ open: true });
    act(() => {
      store.state.typing.value = { name: 'Dana' };
    });
    expect($('.cc-typing')!.textContent).toBe('Dana is typing…');
    act(() => {
      store.state.typing.value = undefined;
    });
    expect($('.cc-typing')).toBeNull();
  });
});

describe('composer', () => {
  it('sends on Enter, keeps Shift+Enter and IME composition, clears and keeps focus', () => {
    mount();
    act(() => store.setOpen(true));
    const send = button('Send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    type('hello');
    expect(send.disabled).toBe(false);
    expect(key(textarea(), { key: 'Enter', shiftKey: true }).defaultPrevented).toBe(false);
    expect(key(textarea(), { key: 'Enter', isComposing: true }).defaultPrevented).toBe(false);
    expect(store.state.messages.value).toHaveLength(0);
    expect(key(textarea(), { key: 'Enter' }).defaultPrevented).toBe(true);
    expect(store.state.messages.value).toHaveLength(1);
    expect(textarea().value).toBe('');
    expect(container.ownerDocument.activeElement).toBe(textarea());
    expect($('[data-sender="user"]')!.textContent).toContain('hello');
  });

  it('shows the composer error as an alert and clears it on edit', async () => {
    mount({ open: true });
    act(() => store.attachFiles([new File(['x'.repeat(2000)], 'big.pdf', { type: 'text/plain' })]));
    await act(() => vi.dynamicImportSettled());
    expect($('[role="alert"]')!.textContent).toContain('big.pdf is too large');
    type('a');
    expect($('[role="alert"]')).toBeNull();
  });

  it('attaches picked, pasted and dropped files; chips have a remove button', async () => {
    mount({ open: true });
    const input = $<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe('image/*,text/plain');
    expect(button('Attach file')).toBeDefined();
    const attach = vi.spyOn(store, 'attachFiles');
    const file = new File(['hi'], 'notes.txt', { type: 'text/plain' });
    act(() => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(attach).toHaveBeenLastCalledWith([file]);
    await act(() => vi.dynamicImportSettled()); // the checks' chunk
    expect(button('Remove notes.txt')).toBeDefined();
    expect($('progress')).not.toBeNull();
    // Uploading: nothing can be sent yet.
    type('with file');
    expect((button('Send') as HTMLButtonElement).disabled).toBe(true);

    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(paste, { clipboardData: { files: [file], types: ['Files'] } });
    act(() => {
      textarea().dispatchEvent(paste);
    });
    expect(paste.defaultPrevented).toBe(true);
    expect(attach).toHaveBeenCalledTimes(2);

    const dialog = $('[role="dialog"]')!;
    const drag = (kind: string) => {
      const event = new Event(kind, { bubbles: true, cancelable: true });
      Object.assign(event, { dataTransfer: { types: ['Files'], files: [file], dropEffect: 'none' } });
      act(() => {
        dialog.dispatchEvent(event);
      });
    };
    drag('dragenter');
    expect($('.cc-drop')!.textContent).toBe('Drop files to attach them');
    drag('dragover');
    drag('drop');
    expect($('.cc-drop')).toBeNull();
    expect(attach).toHaveBeenCalledTimes(3);
  });

  it('has no attach button when attachments are off', () => {
    mount({ open: true, attachments: false });
    expect(button('Attach file')).toBeUndefined();
    expect($('input[type="file"]')).toBeNull();
  });
});

describe('talk to a human', () => {
  it('escalates, waits with a status, and disappears once an agent joined', () => {
    mount({ open: true });
    const escalate = vi.spyOn(store, 'escalate');
    act(() => button('Talk to a human')!.click());
    expect(escalate).toHaveBeenCalledTimes(1);
    expect(button('Talk to a human')!.getAttribute('aria-disabled')).toBe('true');
    expect($('.cc-human [role="status"]')!.textContent).toBe('Connecting you to a person…');
    act(() => button('Talk to a human')!.click());
    expect(escalate).toHaveBeenCalledTimes(1);
    act(() => {
      store.state.agent.value = { phase: 'joined', name: 'Dana' };
    });
    expect(button('Talk to a human')).toBeUndefined();
  });

  it('is absent when switched off', () => {
    mount({ open: true, humanButton: false });
    expect(button('Talk to a human')).toBeUndefined();
  });
});
