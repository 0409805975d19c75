// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../store/options';
import { createElementAttributes } from './element-attributes';
import type { WidgetLocale } from './widget-locale';

function setup() {
  const host = document.createElement('captivate-chat');
  const options = { ...DEFAULTS, apiKey: 'K', title: 'Old' };
  const set = vi.fn(() => Promise.resolve());
  const report = vi.fn();
  const setOpen = vi.fn();
  const attributes = createElementAttributes(
    host,
    options,
    { set } as unknown as WidgetLocale,
    report,
    setOpen,
  );
  return { host, options, set, report, setOpen, attributes };
}

describe('createElementAttributes', () => {
  it('title: the signal and the options follow, cut to the key limit; removed, there is none', () => {
    const { options, attributes } = setup();
    attributes.set(['title', 'New']);
    expect(attributes.title.value).toBe('New');
    expect(options.title).toBe('New');
    attributes.set(['title', 'x'.repeat(600)]);
    expect(attributes.title.value).toHaveLength(500);
    attributes.set(['title', null]);
    expect(options.title).toBeUndefined();
  });

  it('theme: a valid value is the host data-theme; a refused one is reported and the default used', () => {
    const { host, report, attributes } = setup();
    attributes.set(['theme', 'dark']);
    expect(host.getAttribute('data-theme')).toBe('dark');
    attributes.set(['theme', 'sepia']);
    expect(host.getAttribute('data-theme')).toBe('auto');
    expect(report).toHaveBeenCalledWith('theme', expect.stringContaining('has an invalid value "sepia"'));
  });

  it('open: present, "true" or "" opens; "false" or removed closes', () => {
    const { setOpen, attributes } = setup();
    for (const value of ['', 'true', 'false', null]) attributes.set(['open', value]);
    expect(setOpen.mock.calls).toEqual([[true], [true], [false], [false]]);
  });

  it('locale: the canonical tag, or none when removed or refused (the browser languages then)', async () => {
    const { set, report, attributes } = setup();
    await attributes.set(['locale', 'pt-br']);
    await attributes.set(['locale', null]);
    await attributes.set(['locale', '!!']);
    expect(set.mock.calls).toEqual([['pt-BR'], [undefined], [undefined]]);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
