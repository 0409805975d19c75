/**
 * What the live region says for a new message: the sender's name and the message as plain words. Markdown
 * and HTML are reduced to their text (a screen reader would otherwise spell out asterisks and tags), link
 * targets are dropped, and a long message is cut: the full text stays in the log for reading.
 */
import type { MessagePart } from '../../protocol/model';

export const MAX_ANNOUNCED_CHARS = 300;
/**
 * Source read per part: enough to fill an announcement once markup is stripped. A message may carry
 * megabytes; reading all of it for 300 characters would hold the main thread (one hub frame, one task).
 */
const SOURCE_CHARS_PER_PART = MAX_ANNOUNCED_CHARS * 8;

/** Markdown (or HTML) source to the words a reader hears. Not a sanitiser: the result goes in a text node. */
export function plainWords(source: string): string {
  return source
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function partWords(part: MessagePart): string {
  switch (part.kind) {
    case 'text':
      return plainWords(part.text.slice(0, SOURCE_CHARS_PER_PART));
    case 'md':
      return plainWords(part.md.slice(0, SOURCE_CHARS_PER_PART));
    case 'html':
      return plainWords(part.html.slice(0, SOURCE_CHARS_PER_PART));
    case 'choices':
    case 'links':
    case 'files':
      return part.title ?? '';
    case 'cards':
      return part.cards.map((c) => c.title ?? '').join(', ');
    default:
      return '';
  }
}

/** "Name: words", cut to MAX_ANNOUNCED_CHARS; empty when the message has no words at all. */
export function announcement(name: string | undefined, parts: readonly MessagePart[]): string {
  const pieces: string[] = [];
  let length = 0;
  for (const part of parts) {
    if (length > MAX_ANNOUNCED_CHARS) break; // the rest would be cut anyway
    const piece = partWords(part);
    if (piece) {
      pieces.push(piece);
      length += piece.length + 1;
    }
  }
  const words = pieces.join(' ');
  if (!words) return '';
  const cut = words.length > MAX_ANNOUNCED_CHARS ? `${words.slice(0, MAX_ANNOUNCED_CHARS - 1)}…` : words;
  return name ? `${name}: ${cut}` : cut;
}
