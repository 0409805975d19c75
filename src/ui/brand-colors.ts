/**
 * Colours derived from the site's brand colour so that any `primary-color` passes WCAG contrast: the text
 * and icon colour on it (black or white, whichever contrasts more: at least 4.58:1 for every colour), and
 * the brand colour as text or focus ring on the panel's backgrounds (darkened in the light theme, lightened
 * in the dark one, only as far as 4.5:1 needs). Set as `--cc-auto-*` custom properties on the host element;
 * a host that sets `--cc-on-primary` itself keeps its choice.
 */

export type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The panel backgrounds brand-coloured text sits on (page and message bubble), light and dark theme. */
const LIGHT_BACKGROUNDS: Rgb[] = [WHITE, [240, 242, 245]];
const DARK_BACKGROUNDS: Rgb[] = [
  [22, 24, 28],
  [37, 40, 47],
];

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const channel = (i: 0 | 1 | 2) => Math.round(a[i] + (b[i] - a[i]) * t);
  return [channel(0), channel(1), channel(2)];
}

/** `color` moved toward `target` in steps until it has `min` contrast on every background. */
function inkOn(color: Rgb, backgrounds: Rgb[], target: Rgb, min = 4.5): Rgb {
  for (let t = 0; t <= 1; t += 0.02) {
    const ink = mix(color, target, t);
    if (backgrounds.every((bg) => contrast(ink, bg) >= min)) return ink;
  }
  return target;
}

const css = ([r, g, b]: Rgb) => `rgb(${r} ${g} ${b})`;

export function brandColors(primary: Rgb): Record<string, string> {
  return {
    '--cc-auto-on-primary': css(contrast(primary, WHITE) >= contrast(primary, BLACK) ? WHITE : BLACK),
    '--cc-auto-ink-light': css(inkOn(primary, LIGHT_BACKGROUNDS, BLACK)),
    '--cc-auto-ink-dark': css(inkOn(primary, DARK_BACKGROUNDS, WHITE)),
  };
}

/** A CSS colour's sRGB channels, resolved by the browser's own colour parser (a canvas), or undefined. */
export function parseColor(value: string, doc: Document): Rgb | undefined {
  const context = doc.createElement('canvas').getContext?.('2d');
  if (!context) return undefined;
  context.fillStyle = value;
  const resolved = String(context.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(resolved);
  if (hex) return [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16), Number.parseInt(hex[3]!, 16)];
  // Translucent colours come back as rgba(); their alpha is ignored (the panel paints them opaque enough).
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(resolved);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}
