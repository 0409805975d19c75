/**
 * Value parsers for the embedding configuration, and the reader that applies them. Each parser returns
 * undefined for a value it refuses; the reader then reports the key and falls back to the default.
 */
import { isSecureEndpoint } from '../transport/key-scope';

export type RawConfig = (key: string) => string | null | undefined;
export type ReportError = (key: string, message: string) => void;
export type Parse<T> = (v: string) => T | undefined;

export const oneOf =
  <T extends string>(...values: T[]): Parse<T> =>
  (v) =>
    (values as string[]).includes(v) ? (v as T) : undefined;
export const bool: Parse<boolean> = (v) =>
  v === 'true' || v === '' ? true : v === 'false' ? false : undefined;
export const text: Parse<string> = (v) => v.slice(0, 500);
export const absoluteUrl =
  (...schemes: string[]): Parse<string> =>
  (v) => {
    try {
      const url = new URL(v);
      return schemes.includes(url.protocol) ? url.href : undefined;
    } catch {
      return undefined;
    }
  };
/**
 * An absolute URL with the `secure` or the `plain` scheme, the plain one only on loopback
 * (transport/key-scope.ts): the channel key travels to these endpoints.
 */
export const endpointUrl =
  (secure: string, plain: string): Parse<string> =>
  (v) => {
    const href = absoluteUrl(secure, plain)(v);
    return href && isSecureEndpoint(new URL(href)) ? href : undefined;
  };
/** The base of an HTTP API: an endpoint URL without query or fragment, and without a trailing slash. */
export const apiBase: Parse<string> = (v) => {
  const href = endpointUrl('https:', 'http:')(v);
  if (!href) return undefined;
  const url = new URL(href);
  return url.search || url.hash ? undefined : href.replace(/\/+$/, '');
};
/** What the endpoint keys expect, said in the error when a value is refused. */
export const EXPECTED = {
  url: 'wss:, or ws: on loopback',
  https: 'https:, or http: on loopback',
  apiBase: 'https:, or http: on loopback; no query',
  origins: 'exact origins such as https://www.example.com: scheme, host and optional port; no path, no "*"',
};
export const positiveInt: Parse<number> = (v) =>
  /^\d{1,12}$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
export const email: Parse<string> = (v) => (/^[^\s@]+@[^\s@]+$/.test(v) ? v : undefined);
/** Only literal colours: a value that reaches CSS must not carry `url(...)` or other syntax (docs/architecture.md §4). */
export const color: Parse<string> = (v) =>
  /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\)|[a-z]{3,20})$/i.test(v) ? v : undefined;
/** A JSON object; rebuilt key by key so `__proto__` in host JSON cannot reach any prototype. */
export const jsonObject: Parse<Record<string, unknown>> = (v) => {
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
export const stringRecord: Parse<Record<string, string>> = (v) => {
  const obj = jsonObject(v);
  if (!obj) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj)) if (typeof val === 'string') out[k] = val;
  return out;
};
/**
 * `scheme://host[:port]` and nothing else, as `MessageEvent.origin` spells it (a trailing `/` is forgiven).
 * A `*` is refused rather than kept: the bridge compares origins exactly, so `https://*.example.com` would
 * be a literal that never matches, and a frame that silently ignores its host is worse than an error.
 */
function exactOrigin(entry: string): string | undefined {
  if (entry.includes('*')) return undefined;
  try {
    const url = new URL(entry);
    const webScheme = url.protocol === 'https:' || url.protocol === 'http:';
    return webScheme && url.origin === entry.replace(/\/$/, '') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
/** A comma-separated list of exact origins; one entry that is not an exact origin refuses the whole value. */
export const origins: Parse<string[]> = (v) => {
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const valid = list.map(exactOrigin).filter((o): o is string => o !== undefined);
  return valid.length === list.length ? valid : undefined;
};

export interface ConfigReader {
  /**
   * The parsed value, or `fallback` (after a report naming the key, and what was `expected` if given)
   * when the value is refused.
   */
  get<T>(key: string, parse: Parse<T>, fallback: T, expected?: string): T;
  /** The parsed value, or undefined when unset or refused. */
  opt<T>(key: string, parse: Parse<T>): T | undefined;
}

export function createReader(read: RawConfig, report: ReportError): ConfigReader {
  function get<T>(key: string, parse: Parse<T>, fallback: T, expected?: string): T {
    const raw = read(key);
    if (raw === null || raw === undefined) return fallback;
    const value = parse(raw.trim());
    if (value !== undefined) return value;
    const wanted = expected ? ` (expected ${expected})` : '';
    report(key, `has an invalid value ${JSON.stringify(raw.slice(0, 80))}${wanted}; using the default`);
    return fallback;
  }
  return { get, opt: (key, parse) => get(key, parse, undefined) };
}
