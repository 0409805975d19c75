/**
 * `createChat()` options as a `RawConfig`, so code-configured widgets go through the same parsers (and the
 * same "invalid value, using the default" reports) as data attributes and query parameters. Each camelCase
 * option maps to its key (`maxFileSize` → `max-file-size`, `user.userId` → `user-id`); a value of the wrong
 * type for its key is refused, and an option no parser reads is reported as unknown.
 */
import { DEFAULTS } from '../store/options';
import type { RawConfig, ReportError } from './config-fields';

/** What a value becomes when it cannot be a string of its key's kind: refused by every parser. */
const REFUSED = Symbol('refused');

const USER_KEYS: Record<string, string> = {
  userId: 'user-id',
  firstName: 'user-first-name',
  lastName: 'user-last-name',
  email: 'user-email',
};

export const toKey = (option: string): string => option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const toOption = (key: string): string => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** The attribute text for `value`, judged by the type of the key's default (booleans, numbers, lists, JSON). */
function toText(option: string, value: unknown): string | typeof REFUSED {
  if (typeof value === 'string') return value;
  const fallback: unknown = DEFAULTS[option as keyof typeof DEFAULTS];
  if (typeof value === 'boolean' || typeof value === 'number')
    return typeof fallback === typeof value ? String(value) : REFUSED;
  if (Array.isArray(value))
    return Array.isArray(fallback) && value.every((v) => typeof v === 'string') ? value.join(',') : REFUSED;
  if (isPlainObject(value) && isPlainObject(fallback)) {
    try {
      return JSON.stringify(value);
    } catch {
      return REFUSED; // A cycle or a BigInt.
    }
  }
  return REFUSED;
}

export interface ObjectConfig {
  read: RawConfig;
  /** Reports every option that no parser read (call after parsing). */
  reportUnknown(report: ReportError): void;
}

export function readObjectConfig(options: Record<string, unknown>, report: ReportError): ObjectConfig {
  const values = new Map<string, unknown>();
  for (const [option, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    if (option === 'user' && isPlainObject(value)) {
      for (const [field, v] of Object.entries(value)) values.set(USER_KEYS[field] ?? `user.${field}`, v);
    } else values.set(toKey(option), value);
  }
  const read = new Set<string>();
  return {
    read(key) {
      read.add(key);
      if (!values.has(key)) return undefined;
      const text = toText(toOption(key), values.get(key));
      if (text !== REFUSED) return text;
      report(key, `has a value of the wrong type (${typeof values.get(key)}); using the default`);
      return undefined;
    },
    reportUnknown(reportTo) {
      for (const key of values.keys())
        if (!read.has(key)) reportTo(key, 'is not an option of createChat(); it is ignored');
    },
  };
}
