// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keepAttached } from './keep-attached';

/** MutationObserver callbacks run as microtasks. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('keepAttached', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    document.querySelector('captivate-chat')?.remove();
  });

  function attach(): HTMLElement {
    const host = document.body.appendChild(document.createElement('captivate-chat'));
    stop = keepAttached(host, document);
    return host;
  }

  it('puts the host into a body that replaced the old one (Turbo, Astro view transitions)', async () => {
    const host = attach();
    const next = document.createElement('body');
    document.body.replaceWith(next);
    await settle();
    expect(host.parentNode).toBe(next);
    // The new body is watched as well: a second visit keeps it too.
    const third = document.createElement('body');
    document.documentElement.replaceChild(third, next);
    await settle();
    expect(host.parentNode).toBe(third);
  });

  it('puts the host back when a script clears the body', async () => {
    const host = attach();
    document.body.replaceChildren();
    await settle();
    expect(host.parentNode).toBe(document.body);
  });

  it('leaves a host moved elsewhere on the page where it is', async () => {
    const host = attach();
    const main = document.body.appendChild(document.createElement('main'));
    main.appendChild(host);
    await settle();
    expect(host.parentNode).toBe(main);
    main.remove();
  });

  it('lets the host go once stopped', async () => {
    const host = attach();
    stop();
    host.remove();
    document.body.replaceWith(document.createElement('body'));
    await settle();
    expect(host.isConnected).toBe(false);
  });
});
