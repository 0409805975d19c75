// @vitest-environment jsdom
/**
 * `createChat()` in a DOM: importing the entry still does nothing, and options go through the same parsers
 * as data attributes, with every refusal reported as an `error` event (after `createChat` returns, so a
 * listener added right away hears it) while the widget starts with the defaults.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ChatInstance, CreateChatOptions, HostEvents } from './index';

/** A closed loopback port: the socket fails at once and nothing leaves the machine. */
const base = { apiKey: 'key', url: 'ws://127.0.0.1:9/', persist: 'none' } as const;
const instances: ChatInstance[] = [];

afterEach(() => {
  for (const chat of instances.splice(0)) chat.destroy();
  vi.restoreAllMocks();
  vi.resetModules();
});

async function start(options: Record<string, unknown>): Promise<{ chat: ChatInstance; errors: string[] }> {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const { createChat } = await import('./index');
  const chat = createChat({ ...base, ...options } as CreateChatOptions);
  instances.push(chat);
  const errors: string[] = [];
  chat.on('error', (e: HostEvents['error']) => errors.push(`${e.code}: ${e.message}`));
  await new Promise<void>((resolve) => chat.on('ready', () => resolve()));
  return { chat, errors };
}

describe('importing the npm entry with a DOM present', () => {
  test('touches neither the document nor window listeners, timers, storage or custom elements', async () => {
    const html = document.documentElement.outerHTML;
    const spies = [
      vi.spyOn(document, 'createElement'),
      vi.spyOn(document, 'addEventListener'),
      vi.spyOn(window, 'addEventListener'),
      vi.spyOn(window, 'dispatchEvent'),
      vi.spyOn(window, 'setTimeout'),
      vi.spyOn(window, 'setInterval'),
      vi.spyOn(Storage.prototype, 'getItem'),
      vi.spyOn(Storage.prototype, 'setItem'),
      vi.spyOn(window.customElements, 'define'),
      vi.spyOn(Math, 'random'),
    ];
    await import('./index');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(html);
    expect(window.CaptivateChat).toBeUndefined();
  });
});

describe('createChat options', () => {
  test('valid options start the widget without a report', async () => {
    const { chat, errors } = await start({ title: 'Support', maxFileSize: 2048, open: false });
    expect(errors).toEqual([]);
    expect(chat.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.querySelector('captivate-chat')?.shadowRoot).toBeTruthy();
  });

  test('invalid values and wrong types are reported by name and the widget still starts', async () => {
    const { errors } = await start({
      position: 'middle',
      maxFileSize: -5,
      primaryColor: 'url(https://evil.example/x)',
      open: 'yes',
      title: 42,
      allowedOrigins: ['https://ok.example', 'not an origin'],
      metadata: { plan: 'pro' },
    });
    expect(errors).toEqual([
      expect.stringMatching(/^config: option open has an invalid value "yes"/),
      expect.stringMatching(/^config: option position has an invalid value "middle"/),
      expect.stringMatching(/^config: option primaryColor has an invalid value/),
      expect.stringMatching(/^config: option title has a value of the wrong type \(number\)/),
      expect.stringMatching(/^config: option maxFileSize has an invalid value "-5"/),
      expect.stringMatching(/^config: option allowedOrigins has an invalid value/),
    ]);
    expect(document.querySelector('captivate-chat')?.getAttribute('data-position')).toBe('right');
  });

  test('an unknown option is reported, not silently ignored', async () => {
    const { errors } = await start({ titel: 'Support', user: { userId: 'u1', nickname: 'x' } });
    expect(errors).toEqual([
      'config: option titel is not an option of createChat(); it is ignored',
      'config: option user.nickname is not an option of createChat(); it is ignored',
    ]);
  });

  test('without an API key it throws and draws nothing', async () => {
    const { createChat } = await import('./index');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => createChat({ apiKey: ' ' })).toThrow(/apiKey is required/);
    expect(() => createChat(undefined as unknown as CreateChatOptions)).toThrow(/apiKey is required/);
    expect(document.querySelector('captivate-chat')).toBeNull();
  });
});

describe('the instance', () => {
  test('hides and shows the widget, and reads isOpen at each access', async () => {
    const { chat } = await start({});
    const host = document.querySelector('captivate-chat') as HTMLElement;
    expect(chat.isOpen).toBe(false);
    expect(chat.conversationId).toBeUndefined();
    chat.hide();
    expect(host.hidden).toBe(true);
    chat.show();
    expect(host.hidden).toBe(false);
    chat.open();
    expect(chat.isOpen).toBe(true);
    chat.close();
    expect(chat.isOpen).toBe(false);
  });

  test('setTheme switches the theme the stylesheets key on; another value is refused and reported', async () => {
    const { chat, errors } = await start({ theme: 'light' });
    const host = document.querySelector('captivate-chat') as HTMLElement;
    expect(host.getAttribute('data-theme')).toBe('light');
    chat.setTheme('dark');
    expect(host.getAttribute('data-theme')).toBe('dark');
    chat.setTheme('auto');
    expect(host.getAttribute('data-theme')).toBe('auto');
    // The types refuse it; a caller in plain JavaScript may still pass it.
    // @ts-expect-error 'purple' is not a Theme
    chat.setTheme('purple');
    expect(host.getAttribute('data-theme')).toBe('auto');
    expect(errors).toEqual(['invalid_arguments: setTheme: invalid arguments']);
    expect(console.error).toHaveBeenCalledWith('[captivate-chat] setTheme: invalid arguments', 'purple');
  });
});
