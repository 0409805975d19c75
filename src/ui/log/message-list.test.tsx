// @vitest-environment jsdom
/**
 * The windowed log in jsdom (no layout: rows are estimated, the viewport is assumed): how many rows reach
 * the DOM, and what the live region announces. Scrolling and anchoring with real layout are covered by
 * e2e/long-conversation.spec.ts.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTestApp } from '../../embed/test-app';
import type { SenderKind } from '../../protocol/model';
import type { ChatStore } from '../../store/chat-store';
import { type ChatMessage, createMessage } from '../../store/messages';
import { type ChatOptions, DEFAULTS } from '../../store/options';
import { MAX_ROWS } from './window/use-virtual-window';

const options: ChatOptions = {
  ...DEFAULTS,
  apiKey: 'k',
  url: 'wss://hub.example/ws',
  start: 'user-first',
  theme: 'light',
  open: true,
  title: 'Acme',
  maxFileSize: 1000,
  accept: 'image/*',
  uploadUrl: 'https://upload.example/',
  persist: 'none',
};

let container: HTMLElement;
let store: ChatStore;
let seq = 0;

function message(sender: SenderKind, text: string, history = false): ChatMessage {
  seq += 1;
  return createMessage({ id: `w${seq}`, sender, parts: [{ kind: 'text', text }], at: Date.now(), history });
}

function show(messages: ChatMessage[]): void {
  act(() => {
    store.state.messages.value = [...store.state.messages.value, ...messages];
  });
}

const $$ = (selector: string) => Array.from(container.querySelectorAll<HTMLElement>(selector));
const announced = () => $$('[data-announcer] p').map((p) => p.textContent);

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  store = renderTestApp(container, options);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
});

describe('windowed log', () => {
  it('renders the latest rows of a long history, with a spacer for the rest', () => {
    const history = Array.from({ length: 2000 }, (_, i) =>
      message(i % 2 ? 'bot' : 'user', `Line ${i}`, true),
    );
    show(history);
    const rows = $$('[data-sender]');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(rows.at(-1)!.dataset.messageId).toBe(history.at(-1)!.id);
    const [before, after] = $$('.cc-spacer');
    expect(Number.parseFloat(before!.style.height)).toBeGreaterThan(0);
    expect(after!.style.height).toBe('0px');
    expect(container.querySelector('[role="log"]')!.getAttribute('aria-live')).toBe('off');
  });

  it('puts a group’s header on its first row only, wherever the window starts', () => {
    show([message('bot', 'one'), message('bot', 'two'), message('user', 'three')]);
    expect($$('.cc-row').map((r) => [r.dataset.gap, !!r.querySelector('.cc-group-meta')])).toEqual([
      ['none', true],
      ['row', false],
      ['group', true],
    ]);
  });
});

describe('live region', () => {
  it('announces each new bot, agent and system message once, not history nor the visitor’s own', () => {
    show([message('bot', 'Restored answer', true)]);
    show([message('user', 'My question')]);
    expect(announced()).toEqual([]);
    show([message('bot', 'The **answer**')]);
    show([{ ...message('agent', 'Hello'), senderName: 'Dana' }, message('system', 'Dana joined')]);
    expect(announced()).toEqual(['Acme: The answer', 'Dana: Hello', 'Dana joined']);
  });

  it('keeps only the last few announcements and says nothing when the list is replaced', () => {
    show(Array.from({ length: 10 }, (_, i) => message('bot', `Burst ${i}`)));
    expect(announced()).toEqual(['Acme: Burst 6', 'Acme: Burst 7', 'Acme: Burst 8', 'Acme: Burst 9']);
    act(() => {
      store.state.messages.value = [message('bot', 'Another conversation', true)];
    });
    expect(announced()).toHaveLength(4);
  });
});
