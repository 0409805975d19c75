import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import { linkExpiry } from './decode-files';
import { decodeParts } from './decode-parts';
import { LIMITS } from './guards';

describe('decodeParts: files', () => {
  const url = 'https://x/f';

  it('accepts files as a list, a single object, or nested {type, files}', () => {
    const want = [{ kind: 'files', files: [{ url, kind: 'file' }] }];
    expect(decodeParts([{ type: 'files', files: [{ url }] }])).toEqual(want);
    expect(decodeParts([{ type: 'file', files: { url } }])).toEqual(want);
    expect(decodeParts([{ type: 'files', files: { type: 'files', files: [{ url }] } }])).toEqual(want);
    expect(decodeParts([{ type: 'file', url }])).toEqual(want);
  });

  it('decides image vs file from a MIME type or a bare kind', () => {
    const kinds = ['image/png', 'IMAGE/JPEG', 'image', 'application/pdf', 'imagery', 'document'].map(
      (mimetype) => {
        const [part] = decodeParts([{ type: 'files', files: [{ url, mimetype }] }]);
        return part?.kind === 'files' ? part.files[0]?.kind : undefined;
      },
    );
    expect(kinds).toEqual(['image', 'image', 'image', 'file', 'file', 'file']);
  });

  it('keeps size only when it is a finite, non-negative number', () => {
    const sizes = [12, null, '12', -1, Number.NaN, 0].map((size) => {
      const [part] = decodeParts([{ type: 'files', files: [{ url, size }] }]);
      return part?.kind === 'files' ? part.files[0]?.size : 'missing';
    });
    expect(sizes).toEqual([12, undefined, undefined, undefined, undefined, 0]);
  });

  it('leaves the name out for filename: null and skips files without a URL', () => {
    const part = {
      type: 'file',
      title: 'T',
      files: [{ url, filename: null, thumbnail: 'https://t' }, { filename: 'x' }],
    };
    expect(decodeParts([part])).toEqual([
      { kind: 'files', title: 'T', files: [{ url, kind: 'file', thumbnail: 'https://t' }] },
    ]);
    expect(decodeParts([{ type: 'files', files: [{ filename: 'x' }] }])).toEqual([]);
  });

  it('caps files', () => {
    const [part] = decodeParts([{ type: 'files', files: Array.from({ length: 80 }, () => ({ url })) }]);
    expect(part?.kind === 'files' && part.files.length).toBe(LIMITS.files);
  });
});

describe('decodeParts: pause, html, md, unknown', () => {
  it('reads pause times as numbers or numeric strings, clamped to 0..60000 ms', () => {
    const times = [800, '800', -5, 1e9, '1.5e3', 0];
    expect(decodeParts(times.map((time) => ({ type: 'pause', time })))).toEqual(
      [800, 800, 0, 60_000, 1500, 0].map((ms) => ({ kind: 'pause', ms })),
    );
  });

  it('drops a pause without a usable time', () => {
    expect(
      decodeParts([{ type: 'pause' }, { type: 'pause', time: 'soon' }, { type: 'pause', time: null }]),
    ).toEqual([]);
  });

  it('unwraps html and md values nested several times, up to a limit', () => {
    let md: unknown = 'deep';
    for (let i = 0; i < 4; i++) md = { type: 'md', md };
    expect(decodeParts([{ type: 'md', md }])).toEqual([{ kind: 'md', md: 'deep' }]);
    expect(decodeParts([{ type: 'html', html: '<b>x</b>' }])).toEqual([{ kind: 'html', html: '<b>x</b>' }]);
    let tooDeep: unknown = 'lost';
    for (let i = 0; i < 20; i++) tooDeep = { type: 'md', md: tooDeep };
    expect(decodeParts([{ type: 'md', md: tooDeep }])).toEqual([]);
  });

  it('keeps unknown part types with their type and a copy of the part', () => {
    const part = { type: 'carousel', items: [1, 2] };
    const [out] = decodeParts([part]);
    expect(out).toEqual({ kind: 'unknown', type: 'carousel', raw: { type: 'carousel', items: [1, 2] } });
    expect(out?.kind === 'unknown' && out.raw).not.toBe(part);
  });

  it('caps parts per message', () => {
    expect(decodeParts(Array.from({ length: 1000 }, (_, i) => `p${i}`))).toHaveLength(LIMITS.parts);
    // User content yields two parts per item; the cap still holds.
    const pairs = Array.from({ length: 150 }, () => ({ text: 't', files: [{ url: 'https://f' }] }));
    expect(decodeParts(pairs)).toHaveLength(LIMITS.parts);
  });
});

describe('decode: file links that expire', () => {
  const filesOf = (file: unknown) => {
    const r = decode({
      event_type: 'bot_message',
      event_payload: { content: [{ type: 'files', files: [file] }] },
    });
    const part = r.ok && r.frame.type === 'bot_message' ? r.frame.parts[0] : undefined;
    return part?.kind === 'files' ? part.files[0] : undefined;
  };

  it('keeps the file key and an absolute expiry, in seconds or milliseconds', () => {
    const storage = { fileKey: 'k/c/a.png', presignedUrl: 'https://files.example/a.png' };
    expect(filesOf({ filename: 'a.png', storage: { ...storage, expiresIn: 1_900_000_000 } })).toMatchObject({
      url: 'https://files.example/a.png',
      fileKey: 'k/c/a.png',
      expiresAt: 1_900_000_000_000,
    });
    expect(filesOf({ storage: { ...storage, expiresIn: '1900000000000' } })?.expiresAt).toBe(
      1_900_000_000_000,
    );
  });

  it('gives no date for a bare lifetime, and none for nonsense', () => {
    for (const expiresIn of [7200, 0, -5, 'soon', null, Number.NaN]) {
      const file = filesOf({ storage: { fileKey: 'k', presignedUrl: 'https://f/x', expiresIn } });
      expect(file?.fileKey).toBe('k');
      expect(file && 'expiresAt' in file).toBe(false);
    }
  });
});

describe('linkExpiry', () => {
  it('dates a lifetime from the moment the link was issued, and only then', () => {
    expect(linkExpiry(7200, 1_000)).toBe(1_000 + 7_200_000);
    expect(linkExpiry(7200)).toBeUndefined();
    expect(linkExpiry(1_900_000_000, 5)).toBe(1_900_000_000_000);
  });
});
