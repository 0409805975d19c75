import { describe, expect, it } from 'vitest';
import { createI18n, en, interpolate } from './index';

describe('t', () => {
  const { t } = createI18n('en');

  it('returns plain strings', () => {
    expect(t('launcherOpen')).toBe('Open chat');
    expect(t('composerLabel')).toBe('Message');
  });

  it('fills placeholders, numbers included', () => {
    expect(t('uploading', { name: 'a.pdf', percent: 42 })).toBe('Uploading a.pdf… 42%');
    expect(t('fileTooLarge', { name: 'a.pdf', size: '12 MB', limit: '10 MB' })).toBe(
      'a.pdf is too large (12 MB). The limit is 10 MB.',
    );
    expect(t('unreadCount', { count: 3 })).toBe('3 unread messages');
  });

  it('leaves placeholders without a value visible', () => {
    expect(t('agentJoined')).toBe('{name} joined the chat');
    expect(t('uploading', { name: 'a.pdf' })).toBe('Uploading a.pdf… {percent}%');
  });

  it('does not read placeholder values from the prototype', () => {
    expect(interpolate('{toString} {constructor}', {})).toBe('{toString} {constructor}');
  });

  it('inserts values literally, without re-expanding them', () => {
    expect(t('agentJoined', { name: '{name} $& $1' })).toBe('{name} $& $1 joined the chat');
  });

  it('returns the key for a key it does not know (JS callers)', () => {
    expect(t('nope' as never)).toBe('nope');
  });
});

describe('locale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['en-us', 'en-US'],
    ['fr-FR', 'fr-FR'],
    ['not a locale!', 'en'],
  ])('canonicalises %j to %j', (input, locale) => {
    expect(createI18n(input).locale).toBe(locale);
  });

  it('falls back to English strings for a language without a table', () => {
    expect(createI18n('fr-FR').t('send')).toBe('Send');
    expect(createI18n('zz').t('send')).toBe('Send');
  });

  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['en', 'ltr'],
    ['de', 'ltr'],
    ['garbage!!', 'ltr'],
  ])('%s is %s', (locale, dir) => {
    expect(createI18n(locale).dir).toBe(dir);
  });
});

describe('overrides', () => {
  it('replaces known keys with string values', () => {
    const { t } = createI18n('en', { headerTitle: 'Support', agentJoined: '{name} is here' });
    expect(t('headerTitle')).toBe('Support');
    expect(t('agentJoined', { name: 'Ann' })).toBe('Ann is here');
  });

  it('ignores unknown keys, non-strings and prototype keys', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"constructor":"x","prototype":"x","toString":"x","nope":"x","send":42,"retry":{"a":1},"cancel":null}',
    ) as Partial<Record<string, string>>;
    const { t } = createI18n('en', hostile);
    expect(t('send')).toBe('Send');
    expect(t('retry')).toBe('Retry');
    expect(t('cancel')).toBe('Cancel');
    expect(t('constructor' as never)).toBe('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tolerates a non-object', () => {
    expect(createI18n('en', 'oops' as never).t('send')).toBe('Send');
  });

  it('does not leak between instances', () => {
    createI18n('en', { send: 'Go' });
    expect(createI18n('en').t('send')).toBe('Send');
    expect(en.send).toBe('Send');
  });
});

describe('the English table', () => {
  const values = Object.values(en);

  it('has only non-empty strings', () => {
    for (const value of values) expect(value.trim()).not.toBe('');
  });

  it('uses typographic apostrophes and ellipses only', () => {
    for (const value of values) {
      expect(value).not.toMatch(/'/);
      expect(value).not.toMatch(/\.\.\./);
    }
  });

  it('names placeholders with word characters only', () => {
    for (const value of values) expect(value.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
  });
});
