/**
 * Message parts as the widget itself stored them (the tail of a conversation, store/stored-tail.ts). Storage
 * is input like any other: another script on the site, an extension or an older version may have written
 * it. Every part is checked as strictly as a hub frame and rebuilt from fresh objects (no field that is not
 * in the model survives), with the same limits; then it is rendered as live content is, through the same
 * URL policy and sanitiser. Anything unexpected rejects the whole message.
 */
import { isRecord, LIMITS, own } from './guards';
import type { Card, ChoiceOption, FileRef, LinkButton, MessagePart } from './model';

const str = (v: unknown): v is string => typeof v === 'string';
/** An optional string field: absent, or a string (anything else rejects). */
const optional = (v: unknown): boolean => v === undefined || str(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Keeps the optional string fields that are set. */
function pick<K extends string>(from: unknown, keys: readonly K[]): Partial<Record<K, string>> | undefined {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const v = own(from, key);
    if (!optional(v)) return undefined;
    if (v !== undefined) out[key] = v as string;
  }
  return out;
}

function list<T>(v: unknown, max: number, item: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > max) return undefined;
  const out: T[] = [];
  for (const x of v) {
    const decoded = isRecord(x) ? item(x) : undefined;
    if (decoded === undefined) return undefined;
    out.push(decoded);
  }
  return out;
}

const choice = (o: unknown): ChoiceOption | undefined => {
  const label = own(o, 'label');
  const value = own(o, 'value');
  return str(label) && str(value) ? { label, value } : undefined;
};

const link = (l: unknown): LinkButton | undefined => {
  const title = own(l, 'title');
  const url = own(l, 'url');
  return str(title) && str(url) ? { title, url } : undefined;
};

const card = (c: unknown): Card | undefined => pick(c, ['title', 'description', 'imageUrl', 'link']);

function file(f: unknown): FileRef | undefined {
  const url = own(f, 'url');
  const kind = own(f, 'kind');
  const size = own(f, 'size');
  const expiresAt = own(f, 'expiresAt');
  const strings = pick(f, ['name', 'mimeType', 'thumbnail', 'fileKey']);
  if (!str(url) || (kind !== 'image' && kind !== 'file') || !strings) return undefined;
  if ((size !== undefined && !finite(size)) || (expiresAt !== undefined && !finite(expiresAt)))
    return undefined;
  return {
    url,
    kind,
    ...strings,
    ...(size !== undefined ? { size } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

function part(p: unknown): MessagePart | undefined {
  const title = own(p, 'title');
  if (!optional(title)) return undefined;
  const titled = str(title) ? { title } : {};
  switch (own(p, 'kind')) {
    case 'text': {
      const text = own(p, 'text');
      return str(text) ? { kind: 'text', text } : undefined;
    }
    case 'md': {
      const md = own(p, 'md');
      return str(md) ? { kind: 'md', md } : undefined;
    }
    case 'html': {
      const html = own(p, 'html');
      return str(html) ? { kind: 'html', html } : undefined;
    }
    case 'choices': {
      const options = list(own(p, 'options'), LIMITS.options, choice);
      return options && { kind: 'choices', ...titled, options };
    }
    case 'links': {
      const links = list(own(p, 'links'), LIMITS.links, link);
      return links && { kind: 'links', ...titled, links };
    }
    case 'cards': {
      const cards = list(own(p, 'cards'), LIMITS.cards, card);
      return cards && { kind: 'cards', cards };
    }
    case 'files': {
      const files = list(own(p, 'files'), LIMITS.files, file);
      return files && { kind: 'files', ...titled, files };
    }
    default:
      // Pauses were played already; parts of unknown types are never stored.
      return undefined;
  }
}

/** The parts of one stored message, or undefined when anything in them is not what the widget writes. */
function decodeStoredParts(v: unknown): MessagePart[] | undefined {
  return list(v, LIMITS.parts, part);
}

/**
 * One stored message (the tail's), as decoded. Every field is an own property, `undefined` when absent, so
 * reading one never falls through to a polluted `Object.prototype`.
 */
export interface StoredMessage {
  id: string;
  sender: 'user' | 'bot' | 'agent';
  parts: MessagePart[];
  at: number;
  name: string | undefined;
  avatar: string | undefined;
  /** What a visitor message sent, where it differs from what it shows (a quick reply's value). */
  sent: MessagePart[] | undefined;
  /** A visitor message the hub had not confirmed: only its place matters (the outbox fills it). */
  pending: boolean;
}

const SENDERS = new Set(['user', 'bot', 'agent']);

/** A stored message, or undefined when anything in it is not what the widget writes. */
export function decodeStoredMessage(v: unknown): StoredMessage | undefined {
  const id = own(v, 'id');
  const sender = own(v, 'sender');
  if (!str(id) || !id || !str(sender) || !SENDERS.has(sender)) return undefined;
  const kind = sender as StoredMessage['sender'];
  const none = { name: undefined, avatar: undefined, sent: undefined };
  if (own(v, 'pending') === true)
    return kind === 'user' ? { id, sender: kind, parts: [], at: 0, ...none, pending: true } : undefined;
  const parts = decodeStoredParts(own(v, 'parts'));
  const at = own(v, 'at');
  const strings = pick(v, ['name', 'avatar']);
  const sentRaw = own(v, 'sent');
  const sent = sentRaw === undefined ? undefined : decodeStoredParts(sentRaw);
  if (!parts || !finite(at) || !strings || (sentRaw !== undefined && !sent)) return undefined;
  return { id, sender: kind, parts, at, ...none, ...strings, sent, pending: false };
}
