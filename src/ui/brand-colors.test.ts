import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandColors, contrast, type Rgb } from './brand-colors';

const parse = (css: string): Rgb => {
  const [r, g, b] = css.match(/\d+/g)!.map(Number);
  return [r!, g!, b!];
};
const channel = fc.integer({ min: 0, max: 255 });

describe('brandColors', () => {
  it('is exact where WCAG is exact', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('gives any brand colour text with 4.5:1 on it, and inks with 4.5:1 on light and dark panels', () => {
    fc.assert(
      fc.property(channel, channel, channel, (r, g, b) => {
        const colors = brandColors([r, g, b]);
        expect(contrast(parse(colors['--cc-auto-on-primary']!), [r, g, b])).toBeGreaterThanOrEqual(4.5);
        const light = parse(colors['--cc-auto-ink-light']!);
        const dark = parse(colors['--cc-auto-ink-dark']!);
        for (const bg of [[255, 255, 255] as Rgb, [240, 242, 245] as Rgb])
          expect(contrast(light, bg)).toBeGreaterThanOrEqual(4.5);
        for (const bg of [[22, 24, 28] as Rgb, [37, 40, 47] as Rgb])
          expect(contrast(dark, bg)).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a brand colour that already contrasts', () => {
    expect(brandColors([11, 95, 255])['--cc-auto-ink-light']).toBe('rgb(11 95 255)');
    expect(brandColors([255, 212, 0])['--cc-auto-on-primary']).toBe('rgb(0 0 0)');
  });
});
