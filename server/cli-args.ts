/**
 * Command-line flags of `npm run hub -- …` → HubOptions (see main.ts for the list). Throws an Error
 * naming the flag for any invalid value; `help: true` when --help was given.
 */
import { parseArgs } from 'node:util';
import type { HubOptions } from './options';

export const USAGE = `Usage: npm run hub -- [options]
  --port N                      port for WebSocket + HTTP (default 8787; 0 = any free port)
  --host H                      interface to listen on (default 127.0.0.1)
  --keys a,b                    accepted API keys (default: any non-empty key)
  --transcript-shape S          messages | transcript (default messages)
  --transcript-client-ids       add client_msg_id to user entries of transcripts
  --agent-failure-rate R        0..1 chance of failedAgentAssignment (default 0)
  --agent-delay-ms N            delay before the agent connects (default 800)
  --reply-delay-ms N            delay before bot/agent replies (default 150)
  --envelope E                  wrapped | bare server frames (default wrapped)
  --nested-errors               send general_error nested in conversation_update
  --accept-sends W              socket | http | both: where client events are taken (default both)
  --max-frame-out BYTES         pushes larger than this are not delivered (default 131072)
  --transcript-style S          verbatim | normalised transcripts (default verbatim)
  --file-url-ttl SECONDS        lifetime of presigned file links (default 7200)
  --transcript-answer-rate R    0..1 chance a transcript request is answered (default 1)
  --start-answer-rate R         0..1 chance conversation_start is answered (default 1)
  --data DIR                    persist conversations and uploads in DIR
  --max-upload-bytes N          upload size limit (default 10485760)
  --max-total-upload-bytes N    all uploads together (default 268435456; then 507)
  --max-conversations N         conversations kept; the oldest go first (default 10000)
  --max-messages N              messages kept per conversation; the oldest go first (default 50000)
  --ttl-ms N                    forget conversations and uploads untouched this long (default 7 days; 0 never)
  --idle-timeout-ms N           close sockets silent for N ms (default 600000; 0 disables)
  --max-connection-age-ms N     close sockets older than N ms (default 7200000; 0 disables)
  --verbose                     log every frame both ways
  --help                        show this help

The options from --transcript-shape to --start-answer-rate can be changed while the hub runs: POST
/__control/options (JSON, header x-control-token: the token printed at start) or the protocol console.`;

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  keys: { type: 'string' },
  'transcript-shape': { type: 'string' },
  'transcript-client-ids': { type: 'boolean' },
  'agent-failure-rate': { type: 'string' },
  'agent-delay-ms': { type: 'string' },
  'reply-delay-ms': { type: 'string' },
  envelope: { type: 'string' },
  'nested-errors': { type: 'boolean' },
  'accept-sends': { type: 'string' },
  'max-frame-out': { type: 'string' },
  'transcript-style': { type: 'string' },
  'file-url-ttl': { type: 'string' },
  'transcript-answer-rate': { type: 'string' },
  'start-answer-rate': { type: 'string' },
  data: { type: 'string' },
  'max-upload-bytes': { type: 'string' },
  'max-total-upload-bytes': { type: 'string' },
  'max-conversations': { type: 'string' },
  'max-messages': { type: 'string' },
  'ttl-ms': { type: 'string' },
  'idle-timeout-ms': { type: 'string' },
  'max-connection-age-ms': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function integer(flag: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) {
    throw new Error(`--${flag} must be an integer from 0 to ${max} (got "${value}")`);
  }
  return n;
}

function positive(flag: string, value: string | undefined): number | undefined {
  const n = integer(flag, value);
  if (n === 0) throw new Error(`--${flag} must be at least 1`);
  return n;
}

function rate(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new Error(`--${flag} must be from 0 to 1`);
  return n;
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`--${flag} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function parseCliArgs(argv: readonly string[]): HubOptions & { help: boolean } {
  const { values: v } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  const keys = v.keys
    ?.split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const options: HubOptions & { help: boolean } = {
    help: v.help ?? false,
    port: integer('port', v.port, 65535),
    host: v.host,
    keys: keys && keys.length > 0 ? keys : null,
    transcriptShape: oneOf('transcript-shape', v['transcript-shape'], ['messages', 'transcript'] as const),
    transcriptClientIds: v['transcript-client-ids'],
    agentFailureRate: rate('agent-failure-rate', v['agent-failure-rate']),
    agentDelayMs: integer('agent-delay-ms', v['agent-delay-ms']),
    replyDelayMs: integer('reply-delay-ms', v['reply-delay-ms']),
    envelope: oneOf('envelope', v.envelope, ['wrapped', 'bare'] as const),
    nestedErrors: v['nested-errors'],
    acceptSends: oneOf('accept-sends', v['accept-sends'], ['socket', 'http', 'both'] as const),
    maxFrameOut: positive('max-frame-out', v['max-frame-out']),
    transcriptStyle: oneOf('transcript-style', v['transcript-style'], ['verbatim', 'normalised'] as const),
    fileUrlTtlS: positive('file-url-ttl', v['file-url-ttl']),
    transcriptAnswerRate: rate('transcript-answer-rate', v['transcript-answer-rate']),
    startAnswerRate: rate('start-answer-rate', v['start-answer-rate']),
    dataDir: v.data,
    maxUploadBytes: integer('max-upload-bytes', v['max-upload-bytes']),
    maxTotalUploadBytes: integer('max-total-upload-bytes', v['max-total-upload-bytes']),
    maxConversations: positive('max-conversations', v['max-conversations']),
    maxMessagesPerConversation: positive('max-messages', v['max-messages']),
    ttlMs: integer('ttl-ms', v['ttl-ms']),
    idleTimeoutMs: integer('idle-timeout-ms', v['idle-timeout-ms']),
    maxConnectionAgeMs: integer('max-connection-age-ms', v['max-connection-age-ms']),
    verbose: v.verbose ?? false,
  };
  for (const key of Object.keys(options) as (keyof typeof options)[]) {
    if (options[key] === undefined) delete options[key];
  }
  return options;
}
