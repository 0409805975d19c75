import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFile } from './index';
import { ALWAYS_REFUSED_EXTENSIONS } from './validate-file';

const ACCEPT = 'image/*,application/pdf,text/plain,text/csv,.docx,.xlsx';
const MAX = 10 * 1024 * 1024;
const check = (name: string, type: string, size = 100, accept = ACCEPT) =>
  validateFile({ name, type, size }, { accept, maxBytes: MAX });

describe('validateFile', () => {
  it.each([
    ['photo.png', 'image/png'],
    ['photo.JPG', 'image/jpeg'],
    ['scan.pdf', 'application/pdf'],
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['data.csv', 'TEXT/CSV'],
    ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['report.DOCX', ''],
    ['sheet.xlsx', ''],
  ])('accepts %s (%s)', (name, type) => {
    expect(check(name, type)).toEqual({ ok: true });
  });

  it.each([
    ['archive.zip', 'application/zip'],
    ['movie.mp4', 'video/mp4'],
    ['unknown', ''],
    ['report.doc', 'application/msword'],
    ['imagefile', 'imagex/png'],
  ])('refuses %s (%s) as not accepted', (name, type) => {
    expect(check(name, type)).toEqual({ ok: false, reason: 'type' });
  });

  it.each([
    ['evil.svg', 'image/svg+xml'],
    ['evil.svg', ''],
    ['evil.png', 'image/svg+xml'],
    ['evil.SVGZ', 'image/png'],
    ['page.html', 'text/html'],
    ['page.htm', 'text/plain'],
    ['page.xhtml', 'application/xhtml+xml'],
    ['app.js', 'text/javascript'],
    ['app.txt', 'application/javascript'],
    ['setup.exe', 'application/x-msdownload'],
    ['setup.exe. ', 'application/octet-stream'],
    ['photo.png.exe', 'image/png'],
  ])('always refuses %s (%s)', (name, type) => {
    expect(check(name, type)).toEqual({ ok: false, reason: 'type' });
    expect(check(name, type, 100, '*/*,.svg,.html,.exe,.js,image/svg+xml,text/html')).toEqual({
      ok: false,
      reason: 'type',
    });
  });

  it('accepts a file of exactly the limit and refuses one byte more', () => {
    expect(check('a.pdf', 'application/pdf', MAX)).toEqual({ ok: true });
    expect(check('a.pdf', 'application/pdf', MAX + 1)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses a nonsensical size', () => {
    expect(check('a.pdf', 'application/pdf', Number.NaN)).toEqual({ ok: false, reason: 'too_large' });
    expect(check('a.pdf', 'application/pdf', -1)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('accepts any non-refused type when accept is empty or */*', () => {
    expect(check('a.zip', 'application/zip', 1, '')).toEqual({ ok: true });
    expect(check('a.zip', 'application/zip', 1, ' , ')).toEqual({ ok: true });
    expect(check('a.zip', 'application/zip', 1, '*/*')).toEqual({ ok: true });
    expect(check('a.svg', 'image/svg+xml', 1, '')).toEqual({ ok: false, reason: 'type' });
  });

  it('matches wildcards on the MIME major type only', () => {
    expect(check('a.mp3', 'audio/mpeg', 1, 'audio/*')).toEqual({ ok: true });
    expect(check('a.png', 'image/png', 1, 'audio/*')).toEqual({ ok: false, reason: 'type' });
    expect(check('a.bin', 'audiox/foo', 1, 'audio/*')).toEqual({ ok: false, reason: 'type' });
  });

  it('matches multi-part extensions and ignores case and spaces in accept', () => {
    expect(check('backup.TAR.GZ', '', 1, ' .tar.gz , .zip')).toEqual({ ok: true });
    expect(check('backup.gz', '', 1, '.tar.gz')).toEqual({ ok: false, reason: 'type' });
  });

  const WIDE = '*/*,.svg,.html,.exe,.js,.xml,.lnk,.jar,.sh,image/*,text/*,application/*';

  it.each(ALWAYS_REFUSED_EXTENSIONS)('always refuses .%s, whatever accept and the type say', (ext) => {
    for (const name of [`file.${ext}`, `FILE.${ext.toUpperCase()}`, `report.pdf.${ext}`, `a.${ext}. `]) {
      for (const accept of ['', '*/*', WIDE, `.${ext}`]) {
        expect(check(name, 'application/octet-stream', 1, accept), `${name} with ${accept}`).toEqual({
          ok: false,
          reason: 'type',
        });
        expect(check(name, 'text/plain', 1, accept)).toEqual({ ok: false, reason: 'type' });
      }
    }
  });

  it.each([
    'text/xml',
    'application/xml',
    'application/xslt+xml',
    'application/hta',
    'text/vbscript',
    'application/x-sh',
    'application/x-powershell',
    'application/java-archive',
    'application/x-ms-shortcut',
    'application/x-msi',
    'application/vnd.ms-appx',
    'application/vnd.android.package-archive',
    'Application/X-MSDownload; charset=binary',
  ])('always refuses the type %s under a harmless name', (type) => {
    expect(check('harmless.txt', type, 1, '*/*,.txt')).toEqual({ ok: false, reason: 'type' });
  });

  it('judges a double extension by the last one, as the receiving system does', () => {
    expect(check('a.pdf.exe', 'application/pdf', 1, '*/*')).toEqual({ ok: false, reason: 'type' });
    expect(check('a.pdf.Ps1', '', 1, '.pdf,.ps1')).toEqual({ ok: false, reason: 'type' });
    expect(check('notes.sh.txt', 'text/plain', 1, '*/*')).toEqual({ ok: true });
  });

  it.each([
    ['right-to-left override', 'invoice\u202Efdp.exe'],
    ['right-to-left override, long form', 'photo\u202Egnp.scr'],
    ['right-to-left isolate', 'contract\u2067fdp.\u2069vbs'],
    ['zero-width space in the extension', 'evil.e\u200Bxe'],
    ['zero-width joiner in the extension', 'evil.j\u200Da\u200Cr'],
    ['word joiner and BOM', 'evil.\u2060ps1\uFEFF'],
    ['trailing mark', 'evil.lnk\u200F'],
    ['Arabic letter mark', 'evil.\u061Chta'],
  ])('refuses a name hidden by a %s as what it really is', (_, name) => {
    expect(check(name, 'application/pdf', 1, '*/*')).toEqual({ ok: false, reason: 'type' });
    expect(check(name, 'application/pdf', 1, '.pdf,.png')).toEqual({ ok: false, reason: 'type' });
  });

  it('accepts a harmless name that merely contains invisible characters, judged without them', () => {
    expect(check('\u202Ascan\u200B.pdf', 'application/pdf')).toEqual({ ok: true });
    expect(check('scan.p\u200Bdf', '', 1, '.pdf')).toEqual({ ok: true });
  });

  it('is the list the README promises', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('Always refused, whatever `accept` says:');
    expect(start, 'the README paragraph "Always refused, whatever `accept` says: …"').toBeGreaterThan(0);
    const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
    const promised = [...paragraph.matchAll(/`\.([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect(promised.sort()).toEqual([...ALWAYS_REFUSED_EXTENSIONS].sort());
  });
});
