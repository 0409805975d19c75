import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, decodeUnguarded, KNOWN_INBOUND_EVENTS } from './decode';
import { decodeAnswerUnguarded, decodeHttpAnswer, decodeRestTranscriptUnguarded } from './decode-http';
import * as encode from './encode';
import { FIXTURES_DIR, fixture } from './test-fixtures';
import { checkFrame, checkResult } from './test-well-formed';

const RUNS = { numRuns: 400 };
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Both entry points: the guarded one for callers, and the unguarded one to prove the guard idle. */
function check(raw: unknown): void {
  checkResult(decodeUnguarded(raw));
  checkResult(decode(raw));
}

const inbound = readdirSync(FIXTURES_DIR)
  .filter((f) => f.startsWith('in.'))
  .map((f) => fixture(f));

const HTTP_DIR = path.resolve(__dirname, 'fixtures-http');
const httpBodies = readdirSync(HTTP_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f): unknown => JSON.parse(readFileSync(path.join(HTTP_DIR, f), 'utf8')));
/** One request of every kind the HTTP side answers, and two it does not. */
const httpRequests = [
  encode.metadataRequest('c'),
  encode.getUserConversations('u'),
  encode.getUserConversationsV2({ userId: 'u' }),
  encode.deleteConversation('c'),
  encode.deleteAllConversations('u'),
  encode.deleteUserConversations('u'),
  encode.editMessage({ conversationId: 'c', messageId: 'm', text: 't' }),
  encode.metadata({ conversationId: 'c', metadata: {} }),
  encode.userMessage({ conversationId: 'c', clientMsgId: 'i', text: 't' }),
  encode.conversationStart(),
];

/** An HTTP answer, decoded guarded and unguarded, must be a frame the model promises or a rejection. */
function checkAnswer(request: (typeof httpRequests)[number], raw: unknown): void {
  for (const r of [decodeAnswerUnguarded(request, raw), decodeHttpAnswer(request, raw)]) {
    JSON.stringify(r);
    if (r.kind === 'frame') checkFrame(r.frame);
    if (r.kind === 'rejected') checkResult({ ok: false, rejection: r.rejection });
  }
  checkResult(decodeRestTranscriptUnguarded(raw, 'c'));
}

// Field names and type names from the protocol, so random objects often look almost right.
const KEYS = [
  'event',
  'event_type',
  'event_payload',
  'event_id',
  'type',
  'text',
  'content',
  'messages',
  'transcript',
  'from',
  'buttons',
  'options',
  'label',
  'value',
  'title',
  'url',
  'cards',
  'image_url',
  'files',
  'file',
  'mimetype',
  'filename',
  'size',
  'storage',
  'presignedUrl',
  'time',
  'md',
  'html',
  'actions',
  'id',
  'action',
  'data',
  'agentInfo',
  'agent',
  'name',
  'avatar',
  'conversation_id',
  'conversations',
  'pagination',
  'page',
  'error_code',
  'message_id',
  'client_msg_id',
  'timestamp',
  'created_at',
  'fileKey',
  'expiresIn',
  'metadata',
  'success',
  'status',
  'message',
  'requestId',
  'actionType',
  'details',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
];
const WORDS = [
  ...KNOWN_INBOUND_EVENTS,
  'text',
  'button',
  'buttons',
  'cards',
  'file',
  'files',
  'pause',
  'md',
  'html',
  'user',
  'bot',
  'agent ',
  'livechat',
  'general_error',
  'livechatAgentConnected',
  'Forbidden',
  'Internal server error',
  'image',
  '400',
  '',
];

const { value: protocolish } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(...WORDS),
    fc.anything(),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
    fc.array(tie('value'), { maxLength: 5 }),
  ),
}));

const PART_TYPES = [
  'text',
  'button',
  'buttons',
  'cards',
  'file',
  'files',
  'pause',
  'md',
  'html',
  'other',
  undefined,
];
const scalar = fc.oneof(
  fc.constantFrom<unknown>(...WORDS),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
/** Objects shaped like parts: a real part type plus a handful of real field names with odd values. */
const partLike = fc
  .tuple(
    fc.constantFrom(...PART_TYPES),
    fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(scalar, protocolish), { maxKeys: 5 }),
  )
  .map(([type, fields]) => (type === undefined ? fields : { ...fields, type }));

type Path = (string | number)[];

function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof v !== 'object' || v === null) return out;
  for (const [k, child] of Object.entries(v)) {
    const p = [...prefix, Array.isArray(v) ? Number(k) : k];
    out.push(p);
    pathsOf(child, p, out);
  }
  return out;
}

type Op = 'delete' | 'replace' | 'wrapArray' | 'wrapObject' | 'stringify' | 'null';

function mutate(root: unknown, path: Path, op: Op, value: unknown): void {
  let parent = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  const old = parent[key];
  if (op === 'delete') delete parent[key];
  if (op === 'replace') parent[key] = value;
  if (op === 'wrapArray') parent[key] = [old];
  if (op === 'wrapObject') parent[key] = { type: typeof key === 'string' ? key : 'x', [String(key)]: old };
  if (op === 'stringify') parent[key] = JSON.stringify(old) ?? null;
  if (op === 'null') parent[key] = null;
}

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Op>('delete', 'replace', 'wrapArray', 'wrapObject', 'stringify', 'null'),
  value: protocolish,
});

/** One of `sources`, copied, with fields removed, replaced or wrapped. */
const mutated = (sources: readonly unknown[]) =>
  fc
    .tuple(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([f, mutations]) => {
      const copy = structuredClone(f);
      for (const m of mutations) {
        const paths = pathsOf(copy);
        const path = paths[m.at % Math.max(1, paths.length)];
        if (path !== undefined) mutate(copy, path, m.op, m.value);
      }
      return copy;
    });

const mutatedFixture = mutated(inbound);

describe('decode fuzzing', () => {
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  it('survives any value', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), check), RUNS);
  });

  it('survives any JSON text and any string', () => {
    fc.assert(fc.property(fc.json(), check), RUNS);
    fc.assert(fc.property(fc.string(), check), RUNS);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), RUNS);
  });

  it('survives any payload under every known event type, as object and as text', () => {
    const frame = fc.record({
      event_type: fc.constantFrom(...KNOWN_INBOUND_EVENTS),
      event_payload: protocolish,
    });
    fc.assert(
      fc.property(frame, fc.boolean(), (f, asText) => {
        check(asText ? JSON.stringify(f) : f);
      }),
      { numRuns: 1500 },
    );
  });

  it('survives random content in bot messages and transcripts', () => {
    const content = fc.array(fc.oneof(partLike, partLike, protocolish), { maxLength: 8 });
    fc.assert(
      fc.property(content, (c) => {
        check({ event_type: 'bot_message', event_payload: { content: c } });
        check({
          event_type: 'conversation_transcript',
          event_payload: { messages: [{ from: 'bot', messages: c }] },
        });
        check({ event_type: 'conversation_transcript', event_payload: { transcript: [{ messages: c }] } });
      }),
      { numRuns: 800 },
    );
  });

  it('survives fixture frames with fields removed, replaced or wrapped', () => {
    fc.assert(
      fc.property(mutatedFixture, fc.boolean(), (f, asText) => {
        check(asText ? (JSON.stringify(f) ?? '') : f);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives any answer from the HTTP side, and HTTP fixtures mutated', () => {
    const request = fc.constantFrom(...httpRequests);
    fc.assert(fc.property(request, fc.anything({ withNullPrototype: true }), checkAnswer), RUNS);
    fc.assert(fc.property(request, protocolish, checkAnswer), { numRuns: 1500 });
    fc.assert(
      fc.property(request, mutated(httpBodies), fc.boolean(), (r, b, asText) => {
        checkAnswer(r, asText ? (JSON.stringify(b) ?? '') : b);
      }),
      { numRuns: 2000 },
    );
  });
});
