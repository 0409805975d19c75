// @vitest-environment jsdom
/**
 * `<captivate-chat>` without the chat application: an authored element starts its own widget with the API
 * on itself, a host that has its shadow root already (the script tag's, createChat's) is left alone,
 * attribute changes reach the application, and removal unmounts it unless the element came back at once.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaptivateChatElement } from '../index';
import { DEFAULTS } from '../store/options';
import { defineChatElement } from './element';
import type { AppModule } from './loader';
import type { MountedApp } from './mount';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const run = vi.fn<MountedApp['run']>(() => true);
const unmount = vi.fn();
const mountApp = vi.fn(() => ({ run, unmount, isOpen: true, conversationId: 'c1' }) as unknown as MountedApp);
const app: AppModule = {
  mountApp,
  parseAppOptions: (_read, _report, options) => ({ ...DEFAULTS, ...options }),
};
const loadApp = vi.fn(() => Promise.resolve(app));

beforeAll(() => defineChatElement({ loadApp }));
afterEach(async () => {
  document.body.replaceChildren();
  await settle(); // the removed elements' widgets unmount before the mocks are cleared
  vi.clearAllMocks();
});

function element(attrs: Record<string, string>): CaptivateChatElement {
  const el = document.createElement('captivate-chat');
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return document.body.appendChild(el);
}

describe('<captivate-chat>', () => {
  it('starts a widget configured by its attributes, with the API on the element, without loading the app', () => {
    const el = element({ 'api-key': 'K', persist: 'none', position: 'left' });
    expect(el.shadowRoot?.querySelector('button.launcher')).not.toBeNull();
    expect(el.getAttribute('data-position')).toBe('left');
    expect(typeof el.open).toBe('function');
    expect(el.isOpen).toBe(false);
    el.hide();
    expect(el.hidden).toBe(true);
    expect(loadApp).not.toHaveBeenCalled();
  });

  it('leaves alone a host whose shadow root was attached before it was connected', () => {
    const host = document.createElement('captivate-chat');
    host.setAttribute('api-key', 'K');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    expect(root.childNodes).toHaveLength(0);
    expect('open' in host).toBe(false);
  });

  it('reports a missing api-key on the element, by its attribute name', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const codes: string[] = [];
    const el = document.createElement('captivate-chat');
    el.addEventListener('captivate:error', (e) => codes.push((e as CustomEvent).detail.message));
    document.body.append(el);
    expect(codes).toEqual(['api-key is required (the channel API key)']);
    expect(el.shadowRoot).toBeNull();
    errors.mockRestore();
  });

  it('inline: loads and opens at once, in inline mode', async () => {
    element({ 'api-key': 'K', persist: 'none', inline: '' });
    await settle();
    expect(mountApp).toHaveBeenCalledWith(expect.objectContaining({ mode: 'inline' }));
    expect(run).toHaveBeenCalledWith('open', []);
  });

  it('hands a changed reactive attribute to the application; others are not observed', async () => {
    const el = element({ 'api-key': 'K', persist: 'none' });
    el.setAttribute('title', 'New');
    el.setAttribute('position', 'left');
    await settle();
    expect(run.mock.calls).toEqual([['attribute', ['title', 'New']]]);
  });

  it('unmounts its application when removed, not when moved within the same task', async () => {
    const el = element({ 'api-key': 'K', persist: 'none', open: '' });
    await settle();
    el.remove();
    document.body.prepend(el);
    await settle();
    expect(unmount).not.toHaveBeenCalled();
    el.remove();
    await settle();
    expect(unmount).toHaveBeenCalledTimes(1);
    expect(el.shadowRoot?.childNodes).toHaveLength(0);
    expect(el.send('late')).toBeUndefined();
    // Back on the page it stays finished.
    document.body.append(el);
    await settle();
    expect(unmount).toHaveBeenCalledTimes(1);
    expect(el.shadowRoot?.childNodes).toHaveLength(0);
  });
});
