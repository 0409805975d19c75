import { describe, expect, it } from 'vitest';
import { createI18n, en, interpolate, loadI18n, negotiateLocale, textDirection } from './index';

describe('t', () => {
  const { t } = createI18n();

  it('returns plain strings', () => {
    expect(t('launcherOpen')).toBe('Open chat');
    expect(t('composerLabel')).toBe('Message');
  });

  it('fills placeholders, numbers included', () => {
    expect(t('uploading', { name: 'a.pdf', percent: 42 })).toBe('Uploading a.pdf… 42%');
    expect(t('fileTooLarge', { name: 'a.pdf', size: '12 MB', limit: '10 MB' })).toBe(
      'a.pdf is too large (12 MB). The limit is 10 MB.',
    );
  });

  it('picks plural forms with Intl.PluralRules', () => {
    expect(t('unreadCount', { count: 1 })).toBe('1 unread message');
    expect(t('unreadCount', { count: 3 })).toBe('3 unread messages');
    expect(t('unreadCount', { count: 0 })).toBe('0 unread messages');
    expect(t('unreadCount')).toBe('{count} unread messages');
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

describe('negotiateLocale', () => {
  it.each([
    [[], 'en', 'en'],
    [[undefined, '', null], 'en', 'en'],
    [['de'], 'de', 'de'],
    [['de-AT'], 'de', 'de-AT'],
    [['pt-BR'], 'pt-BR', 'pt-BR'],
    [['pt-PT'], 'pt-BR', 'pt-PT'],
    [['pt'], 'pt-BR', 'pt'],
    [['zh'], 'zh-CN', 'zh'],
    [['zh-Hans-SG'], 'zh-CN', 'zh-Hans-SG'],
    [['zh-cn'], 'zh-CN', 'zh-CN'],
    [['zh-TW', 'ja'], 'ja', 'ja'],
    [['zh-Hant', 'zh-HK'], 'en', 'en'],
    [['iw'], 'he', 'he'],
    [['en-GB', 'fr'], 'en', 'en-GB'],
    [['not a locale!', 'fr-CA'], 'fr', 'fr-CA'],
    [['sv-SE', 'nb', 'es-419'], 'es', 'es-419'],
  ])('%j → %s (formatting as %s)', (preferences, tag, locale) => {
    expect(negotiateLocale(preferences)).toEqual({ tag, locale });
  });
});

describe('textDirection', () => {
  it.each([
    ['ar', undefined, undefined, 'rtl'],
    ['he', undefined, 'ltr', 'rtl'],
    ['en', 'fa-IR', undefined, 'rtl'],
    ['en', 'ur', undefined, 'rtl'],
    ['en', undefined, 'RTL', 'rtl'],
    ['en', undefined, undefined, 'ltr'],
    ['de', 'garbage!!', '', 'ltr'],
    ['en', 'arn', undefined, 'ltr'],
  ] as const)('%s (asked %s, page %s) is %s', (tag, explicit, page, dir) => {
    expect(textDirection(tag, explicit, page)).toBe(dir);
  });
});

describe('loadI18n', () => {
  it('loads the negotiated table and formats with the preference that picked it', async () => {
    const i18n = await loadI18n({ preferences: [undefined, 'pt-PT', 'en'] });
    expect(i18n).toMatchObject({ tag: 'pt-BR', locale: 'pt-PT', dir: 'ltr' });
    expect(i18n.t('send')).toBe('Enviar');
  });

  it('mirrors for Arabic and picks Arabic plural forms', async () => {
    const { t, dir } = await loadI18n({ preferences: ['ar-EG'] });
    expect(dir).toBe('rtl');
    expect([1, 2, 3, 11, 100].map((count) => t('unreadCount', { count }))).toEqual([
      'رسالة واحدة غير مقروءة',
      'رسالتان غير مقروءتين',
      '3 رسائل غير مقروءة',
      '11 رسالة غير مقروءة',
      '100 رسالة غير مقروءة',
    ]);
  });

  it('picks Polish few and many forms', async () => {
    const { t } = await loadI18n({ preferences: ['pl'] });
    expect([1, 3, 5, 22, 25].map((count) => t('unreadCount', { count }))).toEqual([
      '1 nieprzeczytana wiadomość',
      '3 nieprzeczytane wiadomości',
      '5 nieprzeczytanych wiadomości',
      '22 nieprzeczytane wiadomości',
      '25 nieprzeczytanych wiadomości',
    ]);
  });

  it('mirrors English on a right-to-left page, and applies overrides over the table', async () => {
    const i18n = await loadI18n({ preferences: ['en'], pageDir: 'rtl', overrides: { send: 'Go' } });
    expect(i18n.dir).toBe('rtl');
    expect(i18n.t('send')).toBe('Go');
  });
});

describe('overrides', () => {
  it('replaces known keys with string values', () => {
    const { t } = createI18n(en, { overrides: { headerTitle: 'Support', agentJoined: '{name} is here' } });
    expect(t('headerTitle')).toBe('Support');
    expect(t('agentJoined', { name: 'Ann' })).toBe('Ann is here');
  });

  it('ignores unknown keys, non-strings and prototype keys', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"constructor":"x","prototype":"x","toString":"x","nope":"x","send":42,"retry":{"a":1},"cancel":null}',
    ) as Partial<Record<string, string>>;
    const { t } = createI18n(en, { overrides: hostile });
    expect(t('send')).toBe('Send');
    expect(t('retry')).toBe('Retry');
    expect(t('cancel')).toBe('Cancel');
    expect(t('constructor' as never)).toBe('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tolerates a non-object', () => {
    expect(createI18n(en, { overrides: 'oops' as never }).t('send')).toBe('Send');
  });

  it('does not leak between instances', () => {
    createI18n(en, { overrides: { send: 'Go' } });
    expect(createI18n().t('send')).toBe('Send');
    expect(en.send).toBe('Send');
  });
});

describe('the English table', () => {
  const values = Object.values(en).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));

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
