/**
 * Hub emulator options: the full set given to createHub(), the subset that can change at run time
 * (through the control interface) and their defaults. Validation lives in runtime-options.ts.
 */

export type TranscriptShape = 'messages' | 'transcript';
export type TranscriptStyle = 'verbatim' | 'normalised';
export type Envelope = 'wrapped' | 'bare';
/** Which way the hub takes client events: over the socket, POSTed over HTTP, or both. */
export type AcceptSends = 'socket' | 'http' | 'both';

/** Options that the control interface may change while the hub runs. */
export interface RuntimeOptions {
  /** Chance (0..1) that an escalation ends in `failedAgentAssignment`. */
  agentFailureRate: number;
  /** Which of the two documented `conversation_transcript` shapes to send. */
  transcriptShape: TranscriptShape;
  /** `verbatim` transcripts echo the live frames; `normalised` ones merge, trim and flatten (docs/protocol.md §7). */
  transcriptStyle: TranscriptStyle;
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
  /** Where client events are taken; the other way is refused as a gateway refuses an unrouted frame. */
  acceptSends: AcceptSends;
  /** Pushes larger than this many bytes are not delivered over the socket (the gateway's limit). */
  maxFrameOut: number;
  /** Lifetime of presigned file links, in seconds. */
  fileUrlTtlS: number;
  /** Chance (0..1) that a transcript request is answered (socket: else ignored; REST: else 503). */
  transcriptAnswerRate: number;
  /** Chance (0..1) that `conversation_start` is answered (else silently ignored). */
  startAnswerRate: number;
}

/** Bounds on what the hub keeps, so no client can exhaust the developer's machine. */
export interface HubLimits {
  maxConversations: number;
  maxMessagesPerConversation: number;
  /** Bytes per upload. */
  maxUploadBytes: number;
  /** Bytes of all uploads kept together. */
  maxTotalUploadBytes: number;
  /** Conversations and uploads untouched for this long are forgotten (0 keeps them for ever). */
  ttlMs: number;
}

export interface HubOptions extends Partial<RuntimeOptions>, Partial<HubLimits> {
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
  /** Close sockets silent for this long (0 disables). Default 600000 (AWS API Gateway). */
  idleTimeoutMs?: number;
  /** Close sockets older than this (0 disables). Default 2 h (AWS API Gateway). */
  maxConnectionAgeMs?: number;
  /** The `/__control/` token; default a fresh random one per run. */
  controlToken?: string;
  /** Origins besides the hub's own that may use `/__control/` (the protocol console's dev server). */
  controlOrigins?: readonly string[];
  /** Where log lines go. Default console.log. */
  log?: (line: string) => void;
  /** Random source for the agent failure roll and the answer rates (tests). Default Math.random. */
  random?: () => number;
}

export const RUNTIME_DEFAULTS: RuntimeOptions = {
  agentFailureRate: 0,
  transcriptShape: 'messages',
  transcriptStyle: 'verbatim',
  replyDelayMs: 150,
  agentDelayMs: 800,
  nestedErrors: false,
  envelope: 'wrapped',
  transcriptClientIds: false,
  acceptSends: 'both',
  maxFrameOut: 128 * 1024,
  fileUrlTtlS: 2 * 3600,
  transcriptAnswerRate: 1,
  startAnswerRate: 1,
};

export const LIMIT_DEFAULTS: HubLimits = {
  maxConversations: 10_000,
  maxMessagesPerConversation: 50_000,
  maxUploadBytes: 10 * 1024 * 1024,
  maxTotalUploadBytes: 256 * 1024 * 1024,
  ttlMs: 7 * 24 * 3600 * 1000,
};

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_UPLOAD_BYTES = LIMIT_DEFAULTS.maxUploadBytes;
export const DEFAULT_IDLE_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_CONNECTION_AGE_MS = 2 * 60 * 60 * 1000;
/** AWS API Gateway's inbound frame limit: larger frames close the socket with 1009. */
export const MAX_FRAME_BYTES = 32 * 1024;

/** The limits given to createHub(), over the defaults; throws an Error naming an invalid one. */
export function resolveLimits(options: HubOptions): HubLimits {
  const limits = { ...LIMIT_DEFAULTS };
  for (const key of Object.keys(LIMIT_DEFAULTS) as (keyof HubLimits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const least = key === 'ttlMs' || key === 'maxUploadBytes' || key === 'maxTotalUploadBytes' ? 0 : 1;
    if (typeof value !== 'number' || !(value >= least))
      throw new Error(`${key} must be a number >= ${least}`);
    limits[key] = value;
  }
  return limits;
}

/** True when the API key may connect (and may fetch large messages). */
export function isKeyAccepted(keys: readonly string[] | null | undefined, key: string | null): boolean {
  if (key === null || key === '') return false;
  return !keys || keys.length === 0 || keys.includes(key);
}
