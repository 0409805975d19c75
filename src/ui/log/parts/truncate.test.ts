// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { previewText, TEXT_PREVIEW_CHARS } from './truncate';

describe('previewText', () => {
  it('keeps text up to the limit whole', () => {
    const text = 'a'.repeat(TEXT_PREVIEW_CHARS);
    expect(previewText(text)).toEqual({ text, truncated: false });
    expect(previewText('')).toEqual({ text: '', truncated: false });
  });

  it('cuts longer text to the limit and marks it', () => {
    const preview = previewText('b'.repeat(1_000_000));
    expect(preview.truncated).toBe(true);
    expect(preview.text).toHaveLength(TEXT_PREVIEW_CHARS + 1);
    expect(preview.text.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(10)}`; // the emoji occupies indexes 9 and 10
    const preview = previewText(text, 10);
    expect(preview.text).toBe(`${'a'.repeat(9)}…`);
    expect(previewText(text, 11).text).toBe(`${'a'.repeat(9)}😀…`);
  });
});
