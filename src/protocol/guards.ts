/**
 * Narrowing helpers for untrusted hub JSON. Every read goes through `own`, so a field the hub did not
 * send can never be picked up from `Object.prototype` (e.g. `constructor`), even if a host page
 * polluted it.
 */

export type Rec = Record<string, unknown>;

/** Upper bounds that keep a hostile or broken frame from flooding the UI. Text is never truncated. */
export const LIMITS = {
  parts: 200,
  options: 100,
  links: 100,
  cards: 50,
  files: 50,
  actions: 50,
  /** The newest entries of a transcript that are read: twice what the widget keeps on screen (10,000). */
  transcriptEntries: 20_000,
  conversations: 1_000,
  /** How often a value may be wrapped in `{type, [type]: value}` before we give up unwrapping. */
  nesting: 4,
  /** How many input items a list decoder looks at, even if most are invalid. */
  scan: 20_000,
  pauseMs: 60_000,
} as const;

/** Why a known event was rejected; `decode` turns it into an `invalid_payload` rejection. */
export interface Invalid {
  invalid: string;
}

export function invalid(detail: string): Invalid {
  return { invalid: detail };
}

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const hasOwn = Object.prototype.hasOwnProperty;

export function own(v: unknown, key: string): unknown {
  return isRecord(v) && hasOwn.call(v, key) ? v[key] : undefined;
}

/** A string with something besides whitespace in it; blank strings count as absent on this wire. */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A finite number; numeric strings count because the hub sends codes like `"400"`. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.length > 40 || !NUMERIC.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Lists may arrive as a single item instead of an array. */
export function asList(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

/** Maps items to at most `max` results, skipping the ones `f` rejects. */
export function collect<T>(items: readonly unknown[], max: number, f: (item: unknown) => T | undefined): T[] {
  const out: T[] = [];
  const end = Math.min(items.length, LIMITS.scan);
  for (let i = 0; i < end && out.length < max; i++) {
    const v = f(items[i]);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** Cut a hub-chosen string before it lands in a log line or a host event. */
export function clip(s: string, max = 100): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
