import { describe, expect, it } from 'vitest';
import { validateFile } from './index';

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
});
