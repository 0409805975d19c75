// @vitest-environment jsdom
/**
 * The menu button while the menu's chunk is on its way or cannot be fetched, in jsdom: the test plays the
 * chunk's import (held, failed, let through), with a chunk that is not here yet at the start of each test.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderTestApp } from '../../embed/test-app';
import { DEFAULTS } from '../../store/options';
import { createLazyChunk, type LazyChunk } from '../lazy-chunk';

type MenuModule = typeof import('./menu-chunk');

const chunk = vi.hoisted(() => ({
  current: undefined as LazyChunk<MenuModule> | undefined,
  /** What each import of the chunk waits for first, in order; with none left it goes straight through. */
  gates: [] as Array<() => Promise<void>>,
  imports: 0,
}));

vi.mock('./lazy-menu', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./lazy-menu')>()),
  get menuChunk() {
    return chunk.current;
  },
}));

let container: HTMLElement;

beforeEach(() => {
  chunk.gates = [];
  chunk.imports = 0;
  chunk.current = createLazyChunk(async () => {
    chunk.imports += 1;
    await chunk.gates.shift()?.();
    return import('./menu-chunk');
  });
  container = document.createElement('div');
  document.body.appendChild(container);
  renderTestApp(container, { ...DEFAULTS, apiKey: 'k', start: 'user-first', open: true, persist: 'none' });
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
});

const menuButton = () => container.querySelector<HTMLButtonElement>('[aria-label="Conversation menu"]')!;
const items = () => Array.from(container.querySelectorAll<HTMLElement>('[role="menuitem"]'));
const settle = () => act(() => vi.dynamicImportSettled());

function press(key: string) {
  act(() => {
    menuButton().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

/** Holds the next import of the chunk until the returned function is called. */
function hold(): () => void {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  chunk.gates.push(() => arrived);
  return arrive;
}

describe('the menu button before its chunk is here', () => {
  it('a press while the chunk is on its way opens the menu when it arrives, focus where the key asked', async () => {
    const arrive = hold();
    press('ArrowUp');
    await settle();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('[role="menu"]')).toBeNull();
    arrive();
    await settle();
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(items().at(-1));
  });

  it('a failed fetch drops the press; the next press fetches again and opens', async () => {
    chunk.gates.push(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    act(() => menuButton().click());
    await settle();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('[role="menu"]')).toBeNull();
    act(() => menuButton().click());
    await settle();
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(items()[0]);
    expect(chunk.imports).toBe(2);
  });

  it('Escape before the chunk arrived drops the press: the menu does not open later', async () => {
    const arrive = hold();
    press('ArrowDown');
    press('Escape');
    arrive();
    await settle();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('[role="menu"]')).toBeNull();
  });
});
