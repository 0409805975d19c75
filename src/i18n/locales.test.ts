/**
 * Every table against English: the same keys, the same placeholders, plural forms for exactly the
 * categories its language's `Intl.PluralRules` produces, and no untranslated copy of an English sentence.
 */
import { describe, expect, it } from 'vitest';
import { loadStrings } from './catalog';
import { en, type PluralForms, type Strings } from './en';
import { LAUNCHER_NAMES } from './launcher-names';
import { LOCALES } from './locales';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const forms = (value: string | PluralForms): string[] =>
  typeof value === 'string' ? [value] : Object.values(value).filter((v) => v !== undefined);
const englishPlaceholders = (key: keyof Strings): string[] =>
  [...new Set(forms(en[key]).flatMap(placeholders))].sort();

describe.each(LOCALES.filter((tag) => tag !== 'en'))('the %s table', (tag) => {
  it('has exactly the keys English has', async () => {
    const table = await loadStrings(tag);
    expect(table).not.toBe(en);
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps every placeholder of each English string, and adds none', async () => {
    const table = await loadStrings(tag);
    for (const key of Object.keys(en) as (keyof Strings)[]) {
      const expected = englishPlaceholders(key);
      const value = table[key];
      if (typeof value === 'string') {
        expect(placeholders(value), `${tag}.${key}`).toEqual(expected);
      } else {
        // Forms like “one message” may leave out {count}; `other` must have every placeholder.
        expect(placeholders(value.other), `${tag}.${key}.other`).toEqual(expected);
        for (const form of forms(value))
          for (const name of placeholders(form)) expect(expected, `${tag}.${key}: {${name}}`).toContain(name);
      }
    }
  });

  it('gives plural strings exactly the forms the language’s plural rules select', async () => {
    const table = await loadStrings(tag);
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories.slice().sort();
    for (const key of Object.keys(en) as (keyof Strings)[]) {
      const value = table[key];
      if (typeof en[key] === 'string') expect(typeof value, `${tag}.${key}`).toBe('string');
      else expect(Object.keys(value).sort(), `${tag}.${key}`).toEqual(categories);
    }
  });

  it('has no empty strings, ASCII apostrophes or three-dot ellipses, and translates the sentences', async () => {
    const table = await loadStrings(tag);
    for (const key of Object.keys(en) as (keyof Strings)[]) {
      for (const text of forms(table[key])) {
        expect(text.trim(), `${tag}.${key}`).not.toBe('');
        expect(text, `${tag}.${key}`).not.toMatch(/'|\.\.\./);
      }
      // Short words (“Chat”, “System”, “Message”) are legitimately the same in several languages.
      const english = forms(en[key]).join();
      if (english.split(' ').length > 3) expect(forms(table[key]).join(), `${tag}.${key}`).not.toBe(english);
    }
  });

  it('names the launcher as the loader does', async () => {
    expect((await loadStrings(tag)).launcherOpen).toBe(LAUNCHER_NAMES[tag]);
  });
});

describe('the English table', () => {
  it('names the launcher as the loader does', () => {
    expect(en.launcherOpen).toBe(LAUNCHER_NAMES.en);
  });

  it('has plural forms for every English category', () => {
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories.slice().sort();
    for (const value of Object.values(en)) {
      if (typeof value !== 'string') expect(Object.keys(value).sort()).toEqual(categories);
    }
  });
});
