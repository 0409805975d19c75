/**
 * Parses the embedding configuration (data attributes on the script tag, query parameters on embed.html)
 * into `ChatOptions`, once. Every value is a string from the host page; a bad one is reported with its key
 * and replaced by the default, so a typo never leaves a site without its chat.
 */
import { type ChatOptions, DEFAULTS } from '../store/options';

export { DEFAULT_HUB_URL, DEFAULT_UPLOAD_URL, DEFAULTS } from '../store/options';

export type RawConfig = (key: string) => string | null | undefined;
export type ReportError = (key: string, message: string) => void;

const oneOf =
  <T extends string>(...values: T[]) =>
  (v: string): T | undefined =>
    (values as string[]).includes(v) ? (v as T) : undefined;
const bool = (v: string): boolean | undefined =>
  v === 'true' || v === '' ? true : v === 'false' ? false : undefined;
const text = (v: string): string | undefined => v.slice(0, 500);
const absoluteUrl =
  (...schemes: string[]) =>
  (v: string): string | undefined => {
    try {
      const url = new URL(v);
      return schemes.includes(url.protocol) ? url.href : undefined;
    } catch {
      return undefined;
    }
  };
const positiveInt = (v: string): number | undefined =>
  /^\d{1,12}$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
const email = (v: string): string | undefined => (/^[^\s@]+@[^\s@]+$/.test(v) ? v : undefined);
/** Only literal colours: a value that reaches CSS must not carry `url(...)` or other syntax (LESSONS.md §1). */
const color = (v: string): string | undefined =>
  /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\)|[a-z]{3,20})$/i.test(v) ? v : undefined;
/** A JSON object; rebuilt key by key so `__proto__` in host JSON cannot reach any prototype. */
const jsonObject = (v: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(v, (key, value) =>
      key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value,
    );
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? Object.assign({}, parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};
const stringRecord = (v: string): Record<string, string> | undefined => {
  const obj = jsonObject(v);
  if (!obj) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj)) if (typeof val === 'string') out[k] = val;
  return out;
};
const origins = (v: string): string[] | undefined => {
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const valid = list.flatMap((o) => {
    try {
      const url = new URL(o);
      return url.origin === o.replace(/\/$/, '') ? [url.origin] : [];
    } catch {
      return [];
    }
  });
  return valid.length === list.length ? valid : undefined;
};

export function parseOptions(read: RawConfig, report: ReportError): ChatOptions | undefined {
  function get<T>(key: string, parse: (v: string) => T | undefined, fallback: T, expected: string): T {
    const raw = read(key);
    if (raw === null || raw === undefined) return fallback;
    const value = parse(raw.trim());
    if (value === undefined) {
      report(
        key,
        `invalid value ${JSON.stringify(raw.slice(0, 80))}: expected ${expected}; using the default`,
      );
      return fallback;
    }
    return value;
  }
  const apiKey = read('api-key')?.trim();
  if (!apiKey) {
    report('api-key', 'is required: add data-api-key="YOUR_CHANNEL_API_KEY" (or ?api-key= on embed.html)');
    return undefined;
  }
  const opt = <T>(key: string, parse: (v: string) => T | undefined, expected: string): T | undefined =>
    get<T | undefined>(key, parse, undefined, expected);
  const user = {
    userId: opt('user-id', text, 'a string'),
    firstName: opt('user-first-name', text, 'a string'),
    lastName: opt('user-last-name', text, 'a string'),
    email: opt('user-email', email, 'an email address'),
  };
  return {
    apiKey,
    url: get('url', absoluteUrl('ws:', 'wss:'), DEFAULTS.url, 'a ws:// or wss:// URL'),
    user: Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)),
    metadata: get('metadata', jsonObject, DEFAULTS.metadata, 'a JSON object'),
    start: get('start', oneOf('bot-first', 'user-first'), DEFAULTS.start, 'bot-first or user-first'),
    title: opt('title', text, 'a string'),
    subtitle: opt('subtitle', text, 'a string'),
    avatar: opt('avatar', absoluteUrl('https:', 'http:'), 'an http(s) URL'),
    welcome: opt('welcome', (v) => v.slice(0, 2000), 'a string'),
    primaryColor: opt('primary-color', color, 'a CSS colour such as #0b5fff'),
    position: get('position', oneOf('right', 'left'), DEFAULTS.position, 'right or left'),
    theme: get('theme', oneOf('light', 'dark', 'auto'), DEFAULTS.theme, 'light, dark or auto'),
    open: get('open', bool, DEFAULTS.open, 'true or false'),
    locale: opt(
      'locale',
      (v) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? v : undefined),
      'a language tag such as en or pt-BR',
    ),
    humanButton: get('human-button', bool, DEFAULTS.humanButton, 'true or false'),
    attachments: get('attachments', bool, DEFAULTS.attachments, 'true or false'),
    maxFileSize: get('max-file-size', positiveInt, DEFAULTS.maxFileSize, 'a size in bytes'),
    accept: get('accept', (v) => (v ? v : undefined), DEFAULTS.accept, 'a file accept list'),
    uploadUrl: get('upload-url', absoluteUrl('https:', 'http:'), DEFAULTS.uploadUrl, 'an http(s) URL'),
    persist: get('persist', oneOf('local', 'session', 'none'), DEFAULTS.persist, 'local, session or none'),
    allowedOrigins: get(
      'allowed-origins',
      origins,
      DEFAULTS.allowedOrigins,
      'comma-separated origins such as https://example.com',
    ),
    strings: get('strings', stringRecord, DEFAULTS.strings, 'a JSON object of UI strings'),
  };
}
