/**
 * A structural check that a `DecodeResult` is exactly what the model promises, run on every fuzzed
 * input (test-only; never imported by the widget). It throws with a path to the first bad field.
 */
import type { DecodeResult, InboundFrame } from './frames';
import { LIMITS } from './guards';
import type { MessagePart } from './model';

type Obj = Record<string, unknown>;

function fail(where: string, what: string): never {
  throw new Error(`${where}: ${what}`);
}

function str(v: unknown, where: string, optional = false): void {
  if (optional && v === undefined) return;
  if (typeof v !== 'string') fail(where, `expected string, got ${typeof v}`);
}

function list(v: unknown, where: string, max: number, min = 0): Obj[] {
  if (!Array.isArray(v)) fail(where, 'expected array');
  if (v.length > max) fail(where, `more than ${max} items`);
  if (v.length < min) fail(where, `fewer than ${min} items`);
  return v as Obj[];
}

/** Plain JSON all the way down, with no `__proto__`/`constructor`/`prototype` keys anywhere. */
export function checkSafeJson(v: unknown, where: string, depth = 0): void {
  if (depth > 40) fail(where, 'too deep');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(where, 'non-finite number');
    return;
  }
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) checkSafeJson(x, `${where}[${i}]`, depth + 1);
    return;
  }
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype)
    fail(where, 'not a plain object');
  for (const key of Object.getOwnPropertyNames(v)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') fail(where, `unsafe key ${key}`);
    checkSafeJson((v as Obj)[key], `${where}.${key}`, depth + 1);
  }
}

function checkRecord(v: unknown, where: string): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, 'not a record');
  checkSafeJson(v, where);
}

export function checkPart(p: MessagePart, where: string): void {
  const o = p as unknown as Obj;
  const strings: Record<MessagePart['kind'], string[]> = {
    text: ['text'],
    html: ['html'],
    md: ['md'],
    pause: [],
    choices: [],
    links: [],
    cards: [],
    files: [],
    unknown: ['type'],
  };
  const required = strings[p.kind];
  if (required === undefined) fail(where, `unknown kind ${String(o.kind)}`);
  for (const k of required) str(o[k], `${where}.${k}`);
  str(o.title, `${where}.title`, true);
  if (p.kind === 'pause' && !(typeof p.ms === 'number' && p.ms >= 0 && p.ms <= LIMITS.pauseMs)) {
    fail(where, 'bad pause');
  }
  if (p.kind === 'choices') {
    for (const c of list(p.options, where, LIMITS.options, 1)) {
      str(c.label, `${where}.label`);
      str(c.value, `${where}.value`);
    }
  }
  if (p.kind === 'links') {
    for (const l of list(p.links, where, LIMITS.links, 1)) {
      str(l.title, `${where}.title`);
      str(l.url, `${where}.url`);
    }
  }
  if (p.kind === 'cards') {
    for (const c of list(p.cards, where, LIMITS.cards, 1)) {
      for (const k of ['title', 'description', 'imageUrl', 'link']) str(c[k], `${where}.${k}`, true);
    }
  }
  if (p.kind === 'files') {
    for (const f of list(p.files, where, LIMITS.files, 1)) {
      for (const k of ['name', 'mimeType', 'thumbnail']) str(f[k], `${where}.${k}`, true);
      str(f.url, `${where}.url`);
      if (f.kind !== 'image' && f.kind !== 'file') fail(where, 'bad file kind');
      if (f.size !== undefined && !(typeof f.size === 'number' && Number.isFinite(f.size)))
        fail(where, 'size');
      str(f.fileKey, `${where}.fileKey`, true);
      if (f.expiresAt !== undefined && !(typeof f.expiresAt === 'number' && Number.isFinite(f.expiresAt)))
        fail(where, 'expiresAt');
    }
  }
  if (p.kind === 'unknown') checkSafeJson(p.raw, `${where}.raw`);
}

const GATEWAY_CODES = new Set([
  'gateway_forbidden',
  'gateway_rate_limited',
  'gateway_server_error',
  'gateway_error',
]);
const REASONS = new Set(['not_json', 'not_event', 'unknown_event', 'invalid_payload']);
const OPTIONAL_STRINGS = ['socketId', 'conversationId', 'messageId', 'userId', 'description', 'messageLink'];

export function checkResult(r: DecodeResult): void {
  // Everything decode returns must survive serialisation (host events, logs, storage).
  JSON.stringify(r);
  if (!r.ok) {
    if (!REASONS.has(r.rejection.reason)) fail('rejection', 'bad reason');
    str(r.rejection.detail, 'rejection.detail');
    str(r.rejection.eventType, 'rejection.eventType', true);
    return;
  }
  str(r.eventId, 'eventId', true);
  checkFrame(r.frame);
}

function checkParts(parts: unknown, where: string): void {
  for (const [i, p] of list(parts, where, LIMITS.parts).entries())
    checkPart(p as MessagePart, `${where}[${i}]`);
}

function checkActions(actions: unknown, where: string, min: number): void {
  for (const a of list(actions, where, LIMITS.actions, min)) {
    if (typeof a.id !== 'string' || a.id === '' || a.id.trim() !== a.id) fail(where, 'bad action id');
    str(a.type, `${where}.type`);
    checkRecord(a.data, `${where}.data`);
  }
}

export function checkFrame(f: InboundFrame): void {
  const o = f as unknown as Obj;
  for (const k of OPTIONAL_STRINGS) str(o[k], `frame.${k}`, true);
  if (f.type === 'conversation_start_success') str(f.conversationId, 'conversationId');
  if (f.type === 'bot_message' || f.type === 'livechat_message') checkParts(f.parts, 'parts');
  if (f.type === 'action') checkActions(f.actions, 'actions', 1);
  if (f.type === 'conversation_transcript') {
    for (const e of list(f.entries, 'entries', LIMITS.transcriptEntries)) {
      if (!['user', 'bot', 'agent'].includes(e.sender as string)) fail('entry', 'bad sender');
      str(e.name, 'entry.name', true);
      str(e.messageId, 'entry.messageId', true);
      str(e.clientMsgId, 'entry.clientMsgId', true);
      if (e.at !== undefined && !(Number.isSafeInteger(e.at) && (e.at as number) > 0))
        fail('entry.at', 'bad time');
      checkParts(e.parts, 'entry.parts');
      checkActions(e.actions, 'entry.actions', 0);
    }
  }
  if (f.type === 'user_conversations') {
    for (const c of list(f.conversations, 'conversations', LIMITS.conversations)) {
      str(c.conversationId, 'conversationId');
      checkRecord(c.metadata, 'metadata');
    }
    for (const [k, v] of Object.entries(f.pagination ?? {})) {
      const ok = k.startsWith('has') ? typeof v === 'boolean' : Number.isSafeInteger(v) && (v as number) >= 0;
      if (!ok) fail(`pagination.${k}`, 'bad value');
    }
  }
  if (f.type === 'conversation_metadata') checkRecord(f.metadata, 'metadata');
  if (f.type === 'agent_update') {
    if (!['connected', 'disconnected', 'failed'].includes(f.status)) fail('status', 'bad status');
    str(f.agent?.name, 'agent.name', true);
    str(f.agent?.avatar, 'agent.avatar', true);
    if (f.agent !== undefined) checkRecord(f.agent.raw, 'agent.raw');
  }
  if (f.type === 'conversation_update') {
    str(f.updateType, 'updateType');
    checkRecord(f.data, 'data');
  }
  if (f.type === 'gateway_error') {
    if (!GATEWAY_CODES.has(f.code)) fail('code', 'bad gateway code');
    str(f.message, 'message');
    str(f.requestId, 'requestId', true);
  }
  if (f.type === 'general_error' && !Number.isFinite(f.code)) fail('code', 'not finite');
}
