import { describe, expect, it } from 'vitest';
import { cleanFileName } from './file-name';

describe('cleanFileName', () => {
  it.each([
    ['U+202A–U+202E embeddings and overrides', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee.pdf', 'abcde.pdf'],
    ['U+2066–U+2069 isolates', '\u2066a\u2067b\u2068c\u2069.pdf', 'abc.pdf'],
    ['U+200E/U+200F marks and U+061C', '\u200Ea\u200Fb\u061C.pdf', 'ab.pdf'],
    ['U+200B–U+200D zero-width characters', 'a\u200Bb\u200Cc\u200D.pdf', 'abc.pdf'],
    ['U+2060 word joiner and invisible operators', 'a\u2060b\u2062.pdf', 'ab.pdf'],
    ['U+FEFF', '\uFEFFa.pdf', 'a.pdf'],
    ['control characters and line separators', 'a\nb\r\tc\u0000\u007f\u0085\u2028\u2029.pdf', 'abc.pdf'],
    ['the soft hyphen and tag characters', 'a\u00ADb\u{E0041}.pdf', 'ab.pdf'],
  ])('strips %s', (_, name, clean) => {
    expect(cleanFileName(name)).toBe(clean);
  });

  it('shows a right-to-left-override name in its real order', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('keeps every visible character, right-to-left scripts and spaces included', () => {
    for (const name of [
      'تقرير 2024.pdf',
      'דוח.pdf',
      'résumé (final).docx',
      '写真.png',
      'a b.txt',
      '👩‍💻.png',
    ]) {
      expect(cleanFileName(name)).toBe(name.replace('\u200D', ''));
    }
  });
});
