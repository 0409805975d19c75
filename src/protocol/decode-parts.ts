/**
 * Message content → `MessagePart[]`. One bad part never sinks the message: it is dropped (empty or
 * unusable) or kept as `unknown` (a type we do not know), and the rest still renders.
 */
import { decodeFileList, decodeFilesPart } from './decode-files';
import { decodeButtons, decodeCards } from './decode-rich';
import { asList, isRecord, LIMITS, num, own, type Rec, text } from './guards';
import type { MessagePart } from './model';
import { safeValue } from './safe-record';

/** `content` may be an array of parts, a single part object, or a bare string. */
export function decodeParts(content: unknown): MessagePart[] {
  const items = asList(content);
  const out: MessagePart[] = [];
  const end = Math.min(items.length, LIMITS.scan);
  for (let i = 0; i < end && out.length < LIMITS.parts; i++) {
    for (const part of decodePart(items[i])) {
      if (out.length < LIMITS.parts) out.push(part);
    }
  }
  return out;
}

/** Usually one part; a user-content object (`{text, files}`) yields two. */
export function decodePart(v: unknown): MessagePart[] {
  if (typeof v === 'string') return textParts(v);
  if (!isRecord(v)) return [];
  const rawType = own(v, 'type');
  const typeName = typeof rawType === 'string' ? rawType : '';
  switch (typeName.trim().toLowerCase()) {
    case '':
      return userContent(v, typeName);
    case 'text':
      return userContent(v, 'text');
    case 'button':
    case 'buttons':
      return listOf(decodeButtons(v));
    case 'cards':
      return listOf(decodeCards(v));
    case 'file':
    case 'files':
      return listOf(decodeFilesPart(v));
    case 'pause':
      return listOf(decodePause(v));
    case 'html': {
      const html = unwrap(own(v, 'html'), 'html');
      return html === undefined ? [] : [{ kind: 'html', html }];
    }
    case 'md': {
      const md = unwrap(own(v, 'md'), 'md');
      return md === undefined ? [] : [{ kind: 'md', md }];
    }
    default:
      return [unknownPart(v, typeName)];
  }
}

function listOf(part: MessagePart | undefined): MessagePart[] {
  return part === undefined ? [] : [part];
}

function textParts(s: unknown): MessagePart[] {
  const t = text(s);
  return t === undefined ? [] : [{ kind: 'text', text: t }];
}

/**
 * `{type:'text', text}`, and the untyped `{text, files}` users send (which shows up in transcripts).
 * An untyped object with neither is kept as `unknown` so the host page still hears about it.
 */
function userContent(v: Rec, type: string): MessagePart[] {
  const parts = textParts(unwrap(own(v, 'text'), 'text'));
  const filesValue = own(v, 'files');
  if (filesValue !== undefined) {
    const files = decodeFileList(filesValue);
    if (files.length > 0) parts.push({ kind: 'files', files });
  }
  const looksLikeContent = type === 'text' || own(v, 'text') !== undefined || filesValue !== undefined;
  return looksLikeContent ? parts : [unknownPart(v, type)];
}

function decodePause(v: Rec): MessagePart | undefined {
  const ms = num(own(v, 'time'));
  return ms === undefined ? undefined : { kind: 'pause', ms: Math.min(LIMITS.pauseMs, Math.max(0, ms)) };
}

/** `{type:'md', md:'…'}` may carry its value wrapped again as `{type:'md', md:'…'}`. */
function unwrap(v: unknown, key: string): string | undefined {
  let cur = v;
  for (let i = 0; i <= LIMITS.nesting && isRecord(cur); i++) cur = own(cur, key);
  return text(cur);
}

function unknownPart(v: Rec, type: string): MessagePart {
  return { kind: 'unknown', type, raw: safeValue(v) };
}
