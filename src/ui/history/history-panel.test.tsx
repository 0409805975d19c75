// @vitest-environment jsdom
/** The history view, the confirmation dialog and the menu entries that lead to them, in jsdom. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderTestApp } from '../../embed/test-app';
import { createI18n } from '../../i18n';
import type { ChatStore } from '../../store/chat-store';
import { createMessage } from '../../store/messages';
import { type ChatOptions, DEFAULTS } from '../../store/options';
import { menuChunk } from '../header/lazy-menu';
import { historyChunk } from './lazy-history';

// The view and the menu are chunks fetched on first use in the browser; here they are loaded once, up front.
beforeAll(() => Promise.all([historyChunk.load(), menuChunk.load()]));

const i18n = createI18n();

let container: HTMLElement;
let store: ChatStore;

function mount(options: Partial<ChatOptions> = {}) {
  const merged: ChatOptions = {
    ...DEFAULTS,
    apiKey: 'k',
    start: 'user-first',
    open: true,
    persist: 'none',
    user: { userId: 'u-1' },
    ...options,
  };
  // Never connected: requests wait, and the tests play the hub's answers into the history model directly.
  store = renderTestApp(container, merged);
}

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const $$ = (selector: string) => Array.from(container.querySelectorAll<HTMLElement>(selector));
const named = (name: string) =>
  $$('button').find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
const active = () => container.ownerDocument.activeElement;
const click = (el: HTMLElement | undefined) => act(() => el!.click());
function key(el: Element, init: KeyboardEventInit) {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}
function menu(item: string) {
  click(named('Conversation menu'));
  click($$('[role="menuitem"]').find((i) => i.textContent === item));
}
function answer(ids: string[], hasNextPage = false, page = 1) {
  act(() => {
    store.history.handle({
      type: 'user_conversations',
      conversations: ids.map((conversationId) => ({
        conversationId,
        metadata: { topic: `about ${conversationId}` },
      })),
      pagination: { page, pageSize: 10, hasNextPage, hasPrevPage: page > 1, total: 20, totalPages: 2 },
    });
  });
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
  vi.restoreAllMocks();
});

describe('history view', () => {
  it('replaces the chat, lists conversations with the current one marked, and opens one', () => {
    mount();
    act(() => {
      store.state.conversationId.value = 'c-now';
    });
    menu('Conversations');
    expect($('.cc-chat-view')!.hidden).toBe(true);
    expect(active()?.textContent).toBe('Conversations');
    expect($('[role="status"].cc-history-note')!.textContent).toBe('Loading conversations…');
    answer(['c-now', 'c-old'], true);
    const items = $$('.cc-history-open');
    expect(items.map((b) => b.getAttribute('aria-current'))).toEqual(['true', null]);
    expect(items[0]!.textContent).toContain('Current');
    expect(items[1]!.textContent).toBe('topic: about c-old');
    expect(named('Delete topic: about c-old')).toBeDefined();

    // "Load more" moves focus to the first new item once it arrived.
    click(named('Load more'));
    answer(['c-3'], false, 2);
    expect($$('.cc-history-open')).toHaveLength(3);
    expect(active()).toBe($$('.cc-history-open')[2]);
    expect(named('Load more')).toBeUndefined();

    const open = vi.spyOn(store, 'openConversation');
    click($$('.cc-history-open')[1]);
    expect(open).toHaveBeenCalledWith('c-old');
    expect($('.cc-history')).toBeNull();
    expect(active()).toBe($('textarea'));
  });

  it('says when there is nothing, and Back or Escape return to the chat and the menu button', () => {
    mount();
    menu('Conversations');
    answer([]);
    expect($('.cc-history-note')!.textContent).toBe('No past conversations');
    click(named('Back'));
    expect($('.cc-history')).toBeNull();
    expect(active()).toBe(named('Conversation menu'));
    menu('Conversations');
    key($('.cc-history')!, { key: 'Escape' });
    expect($('.cc-history')).toBeNull();
    expect(store.state.open.value).toBe(true);
  });
});

describe('closing', () => {
  it('reopens on the chat, without a pending confirmation', () => {
    mount();
    menu('Conversations');
    menu('Delete all conversations');
    act(() => store.setOpen(false));
    act(() => store.setOpen(true));
    expect($('.cc-history')).toBeNull();
    expect($('[role="alertdialog"]')).toBeNull();
    expect(active()).toBe($('textarea'));
  });
});

describe('confirmation', () => {
  it('delete all: Cancel (or Escape) does nothing and returns focus; Confirm deletes', () => {
    mount();
    const deleteAll = vi.spyOn(store.history, 'deleteAll');
    menu('Delete all conversations');
    const dialog = $('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Delete all conversations',
    );
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toBe(
      i18n.t('deleteAllConfirm'),
    );
    expect(active()).toBe(named('Cancel'));
    key(active()!, { key: 'Tab' });
    expect(active()).toBe(named('Confirm'));
    key(active()!, { key: 'Tab', shiftKey: true });
    expect(active()).toBe(named('Cancel'));
    click(named('Cancel'));
    expect($('[role="alertdialog"]')).toBeNull();
    expect(deleteAll).not.toHaveBeenCalled();
    expect(active()).toBe(named('Conversation menu'));

    menu('Delete all conversations');
    key(active()!, { key: 'Escape' });
    expect($('[role="alertdialog"]')).toBeNull();
    expect(store.state.open.value).toBe(true);
    expect(deleteAll).not.toHaveBeenCalled();

    menu('Delete all conversations');
    click(named('Confirm'));
    expect(deleteAll).toHaveBeenCalledTimes(1);
    expect(active()).toBe($('textarea'));
  });

  it('delete conversation is offered only with a conversation, and deletes the current one', () => {
    mount();
    click(named('Conversation menu'));
    expect($$('[role="menuitem"]').map((i) => i.textContent)).not.toContain('Delete conversation');
    click(named('Conversation menu'));
    act(() => {
      store.state.conversationId.value = 'c-now';
    });
    const remove = vi.spyOn(store.history, 'deleteConversation');
    menu('Delete conversation');
    click(named('Confirm'));
    expect(remove).toHaveBeenCalledWith();
  });
});

describe('download transcript', () => {
  it('saves the messages as a text file through an object URL', async () => {
    mount();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:transcript';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    act(() => {
      store.state.conversationId.value = 'abcdef123456';
      store.state.messages.value = [
        createMessage({
          id: 'm',
          sender: 'user',
          parts: [{ kind: 'text', text: 'hello' }],
          at: 0,
          history: false,
        }),
      ];
    });
    menu('Download transcript');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.download).toBe('chat-transcript-abcdef12.txt');
    expect(clicks[0]!.getAttribute('href')).toBe('blob:transcript');
    expect(clicks[0]!.isConnected).toBe(false);
    expect(await blobs[0]!.text()).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d\] You: hello\n$/);
    expect(active()).toBe(named('Conversation menu'));
  });
});
