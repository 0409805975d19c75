/**
 * Hub emulator options: the full set given to createHub(), the subset that can change at run time
 * (through the control interface), their defaults and validation.
 */

export type TranscriptShape = 'messages' | 'transcript';
export type Envelope = 'wrapped' | 'bare';

/** Options that the control interface may change while the hub runs. */
export interface RuntimeOptions {
  /** Chance (0..1) that an escalation ends in `failedAgentAssignment`. */
  agentFailureRate: number;
  /** Which of the two documented `conversation_transcript` shapes to send. */
  transcriptShape: TranscriptShape;
  /** Delay before the bot (or the agent) answers a user message. */
  replyDelayMs: number;
  /** Delay between an escalation and the agent connecting (or the assignment failing). */
  agentDelayMs: number;
  /** Send `general_error` nested inside `conversation_update` instead of top-level. */
  nestedErrors: boolean;
  /** Wrap server frames in `{action:'receiveMessage', event}` or send the bare event. */
  envelope: Envelope;
  /** Add `client_msg_id` to user entries of transcripts (not in the documented shapes). */
  transcriptClientIds: boolean;
}

export interface HubOptions extends Partial<RuntimeOptions> {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted API keys; null/undefined/empty accepts any non-empty key. */
  keys?: readonly string[] | null;
  /** Persist conversations and uploads in this directory. */
  dataDir?: string;
  /** Log every frame both ways. */
  verbose?: boolean;
  /** Upload size limit in bytes. Default 10 MiB. */
  maxUploadBytes?: number;
  /** Close sockets silent for this long (0 disables). Default 600000 (AWS API Gateway). */
  idleTimeoutMs?: number;
  /** Close sockets older than this (0 disables). Default 2 h (AWS API Gateway). */
  maxConnectionAgeMs?: number;
  /** Where log lines go. Default console.log. */
  log?: (line: string) => void;
  /** Random source for the agent failure roll (tests). Default Math.random. */
  random?: () => number;
}

export const RUNTIME_DEFAULTS: RuntimeOptions = {
  agentFailureRate: 0,
  transcriptShape: 'messages',
  replyDelayMs: 150,
  agentDelayMs: 800,
  nestedErrors: false,
  envelope: 'wrapped',
  transcriptClientIds: false,
};

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const DEFAULT_IDLE_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_CONNECTION_AGE_MS = 2 * 60 * 60 * 1000;
/** AWS API Gateway's frame limit: larger frames close the socket with 1009. */
export const MAX_FRAME_BYTES = 32 * 1024;

const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Applies a partial update; throws an Error naming the first invalid key. Unknown keys are rejected. */
export function applyRuntimePatch(current: RuntimeOptions, patch: unknown): RuntimeOptions {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new Error('options must be a JSON object');
  }
  const next: RuntimeOptions = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    switch (key) {
      case 'agentFailureRate':
        if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`${key} must be 0..1`);
        next.agentFailureRate = value;
        break;
      case 'transcriptShape':
        if (value !== 'messages' && value !== 'transcript') {
          throw new Error(`${key} must be "messages" or "transcript"`);
        }
        next.transcriptShape = value;
        break;
      case 'envelope':
        if (value !== 'wrapped' && value !== 'bare') throw new Error(`${key} must be "wrapped" or "bare"`);
        next.envelope = value;
        break;
      case 'replyDelayMs':
      case 'agentDelayMs':
        if (!isMs(value)) throw new Error(`${key} must be a number >= 0`);
        next[key] = value;
        break;
      case 'nestedErrors':
      case 'transcriptClientIds':
        if (typeof value !== 'boolean') throw new Error(`${key} must be a boolean`);
        next[key] = value;
        break;
      default:
        throw new Error(`unknown option ${key}`);
    }
  }
  return next;
}

/** The run-time options given to createHub(), over the defaults (validated). */
export function initialRuntimeOptions(options: HubOptions): RuntimeOptions {
  const keys = Object.keys(RUNTIME_DEFAULTS) as (keyof RuntimeOptions)[];
  return applyRuntimePatch(RUNTIME_DEFAULTS, Object.fromEntries(keys.map((k) => [k, options[k]])));
}

/** True when the API key may connect (and may fetch large messages). */
export function isKeyAccepted(keys: readonly string[] | null | undefined, key: string | null): boolean {
  if (key === null || key === '') return false;
  return !keys || keys.length === 0 || keys.includes(key);
}
