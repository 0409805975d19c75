/**
 * Validation of run-time options (createHub(), the control interface and the CLI share it): a patch is
 * applied key by key, and the first invalid or unknown key throws an Error naming it.
 */
import { type HubOptions, RUNTIME_DEFAULTS, type RuntimeOptions } from './options';

type Rule<T> = (key: string, value: unknown) => T;

const rate: Rule<number> = (key, value) => {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`${key} must be 0..1`);
  return value;
};
const count: Rule<number> = (key, value) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`${key} must be a number >= 0`);
  return value;
};
const positive: Rule<number> = (key, value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new Error(`${key} must be an integer >= 1`);
  return value;
};
const flag: Rule<boolean> = (key, value) => {
  if (typeof value !== 'boolean') throw new Error(`${key} must be a boolean`);
  return value;
};
const oneOf =
  <T extends string>(...allowed: T[]): Rule<T> =>
  (key, value) => {
    const found = allowed.find((a) => a === value);
    if (found === undefined)
      throw new Error(`${key} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return found;
  };

const RULES: { [K in keyof RuntimeOptions]: Rule<RuntimeOptions[K]> } = {
  agentFailureRate: rate,
  transcriptShape: oneOf('messages', 'transcript'),
  transcriptStyle: oneOf('verbatim', 'normalised'),
  replyDelayMs: count,
  agentDelayMs: count,
  nestedErrors: flag,
  envelope: oneOf('wrapped', 'bare'),
  transcriptClientIds: flag,
  acceptSends: oneOf('socket', 'http', 'both'),
  maxFrameOut: positive,
  fileUrlTtlS: positive,
  transcriptAnswerRate: rate,
  startAnswerRate: rate,
};

function setOption<K extends keyof RuntimeOptions>(target: RuntimeOptions, key: K, value: unknown) {
  target[key] = RULES[key](key, value);
}

const isRuntimeKey = (key: string): key is keyof RuntimeOptions => Object.hasOwn(RULES, key);

/** Applies a partial update; throws an Error naming the first invalid key. Unknown keys are rejected. */
export function applyRuntimePatch(current: RuntimeOptions, patch: unknown): RuntimeOptions {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new Error('options must be a JSON object');
  }
  const next: RuntimeOptions = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!isRuntimeKey(key)) throw new Error(`unknown option ${key}`);
    setOption(next, key, value);
  }
  return next;
}

/** The run-time options given to createHub(), over the defaults (validated). */
export function initialRuntimeOptions(options: HubOptions): RuntimeOptions {
  const keys = Object.keys(RUNTIME_DEFAULTS) as (keyof RuntimeOptions)[];
  return applyRuntimePatch(RUNTIME_DEFAULTS, Object.fromEntries(keys.map((k) => [k, options[k]])));
}
