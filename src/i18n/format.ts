/**
 * Locale-aware formatting of file sizes and times for the UI. Intl constructors throw RangeError on a
 * malformed locale tag (which comes from host config), so every use has a plain fallback; formatters
 * are cached because a long message list formats many times per render.
 */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

const numberFormats = new Map<string, Intl.NumberFormat | null>();
const timeFormats = new Map<string, Intl.DateTimeFormat | null>();

function numberFormat(locale: string, fractionDigits: number): Intl.NumberFormat | null {
  const id = `${locale}|${fractionDigits}`;
  let format = numberFormats.get(id);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
    } catch {
      format = null;
    }
    numberFormats.set(id, format);
  }
  return format;
}

/**
 * `12 B`, `512 KB`, `2.4 MB`: binary units (1 KB = 1024 B, matching how size limits like 10485760 are
 * configured), one decimal below 10, none above. Unit symbols are not translated: they are the same in
 * the languages we expect to ship first.
 */
export function formatBytes(n: number, locale = 'en'): string {
  let value = Number.isFinite(n) && n > 0 ? n : 0;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  let digits = unit > 0 && value < 10 ? 1 : 0;
  // 1023.7 KB would round to "1024 KB": show "1 MB" instead.
  if (Number(value.toFixed(digits)) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
    digits = 1;
  }
  const text = numberFormat(locale, digits)?.format(value) ?? String(Number(value.toFixed(digits)));
  return `${text} ${UNITS[unit]}`;
}

/** A short local time (`14:05`, `2:05 PM`) for a message timestamp; `''` for an invalid time. */
export function formatTime(epochMs: number, locale = 'en'): string {
  if (!Number.isFinite(epochMs)) return '';
  let format = timeFormats.get(locale);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    } catch {
      format = null;
    }
    timeFormats.set(locale, format);
  }
  try {
    if (format) return format.format(epochMs);
  } catch {
    // Out-of-range dates throw in format(); fall through to the plain form.
  }
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
