// @vitest-environment jsdom
/**
 * The loader's own answers: hide(), show() and the state getters work before the chat application is
 * fetched, and never fetch it; a queued call is replayed on the method it names.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AppModule, boot } from './loader';

type Api = import('../index').CaptivateChatApi & { q?: unknown[] };

function script(attrs: Record<string, string>): HTMLScriptElement {
  const tag = document.createElement('script');
  for (const [key, value] of Object.entries(attrs)) tag.setAttribute(`data-${key}`, value);
  return tag;
}

const api = () => (window as unknown as { CaptivateChat: Api }).CaptivateChat;
/** The newest widget: an earlier test's, which is never destroyed, is kept on the page (keep-attached.ts). */
const host = () => [...document.querySelectorAll('captivate-chat')].at(-1) as HTMLElement;

afterEach(() => {
  delete (window as unknown as { CaptivateChat?: Api }).CaptivateChat;
  document.body.replaceChildren();
});

describe('boot', () => {
  it('hides and shows the widget, and answers isOpen and conversationId, without loading the application', () => {
    const loadApp = vi.fn<() => Promise<AppModule>>(() => new Promise(() => {}));
    boot(script({ 'api-key': 'K', persist: 'none' }), { loadApp });
    expect(api().isOpen).toBe(false);
    expect(api().conversationId).toBeUndefined();
    api().hide();
    expect(host().hidden).toBe(true);
    api().show();
    expect(host().hidden).toBe(false);
    expect(loadApp).not.toHaveBeenCalled();
  });

  it('replays a queued hide() on the loader, and ignores names that are not methods', () => {
    (window as unknown as { CaptivateChat: { q: unknown[] } }).CaptivateChat = {
      q: [
        ['hide', []],
        ['version', []],
        ['nope', []],
      ],
    };
    const loadApp = vi.fn<() => Promise<AppModule>>(() => new Promise(() => {}));
    boot(script({ 'api-key': 'K', persist: 'none' }), { loadApp });
    expect(host().hidden).toBe(true);
    expect(loadApp).not.toHaveBeenCalled();
  });

  it('draws the launcher hidden with launcher none', () => {
    boot(script({ 'api-key': 'K', persist: 'none', launcher: 'none' }), {
      loadApp: () => new Promise(() => {}),
    });
    expect(host().shadowRoot?.querySelector('button')?.hidden).toBe(true);
  });
});
