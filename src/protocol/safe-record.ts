/**
 * Copies of hub-supplied records (`data`, `metadata`, `raw`). The copy is deep, not shallow: a shallow
 * copy would still hand nested hub objects to code that later deep-merges them, which is how a nested
 * `"__proto__"` key turns into prototype pollution. Objects are fresh plain objects, so they behave
 * normally in template strings and `hasOwnProperty` checks (a null prototype would not).
 */
import { isRecord } from './guards';

const BLOCKED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;
const MAX_KEYS = 1_000;
/** Also bounds already-parsed inputs that share sub-objects, which would otherwise copy exponentially. */
const MAX_NODES = 10_000;

const SKIP: unique symbol = Symbol('skip');

interface Budget {
  nodes: number;
}

export function safeRecord(v: unknown): Record<string, unknown> {
  return isRecord(v) ? copyRecord(v, 0, { nodes: MAX_NODES }) : {};
}

/** Like `safeRecord` for any JSON value; non-JSON values (functions, symbols, bigints) become `null`. */
export function safeValue(v: unknown): unknown {
  const out = copy(v, 0, { nodes: MAX_NODES });
  return out === SKIP ? null : out;
}

function copy(v: unknown, depth: number, budget: Budget): unknown {
  if (budget.nodes <= 0 || depth > MAX_DEPTH) return SKIP;
  budget.nodes--;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return copyArray(v, depth, budget);
  if (isRecord(v)) return copyRecord(v, depth, budget);
  return SKIP;
}

function copyArray(v: readonly unknown[], depth: number, budget: Budget): unknown[] {
  const out: unknown[] = [];
  const end = Math.min(v.length, MAX_KEYS);
  for (let i = 0; i < end; i++) {
    const c = copy(v[i], depth + 1, budget);
    // Keep positions stable: a dropped element becomes null, as JSON.stringify would write it.
    out.push(c === SKIP ? null : c);
  }
  return out;
}

function copyRecord(v: Record<string, unknown>, depth: number, budget: Budget): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v);
  const end = Math.min(keys.length, MAX_KEYS);
  for (let i = 0; i < end; i++) {
    const key = keys[i];
    if (key === undefined || BLOCKED_KEYS.has(key)) continue;
    const c = copy(v[key], depth + 1, budget);
    if (c !== SKIP) out[key] = c;
  }
  return out;
}
