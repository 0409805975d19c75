/**
 * What the live region says for a new message: the sender's name and the message as plain words. Markdown
 * and HTML are reduced to their text (a screen reader would otherwise spell out asterisks and tags), link
 * targets are dropped, and a long message is cut: the full text stays in the log for reading.
 */
import type { MessagePart } from '../protocol/model';

export const MAX_ANNOUNCED_CHARS = 300;

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
      return plainWords(part.text);
    case 'md':
      return plainWords(part.md);
    case 'html':
      return plainWords(part.html);
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
  const words = parts.map(partWords).filter(Boolean).join(' ');
  if (!words) return '';
  const cut = words.length > MAX_ANNOUNCED_CHARS ? `${words.slice(0, MAX_ANNOUNCED_CHARS - 1)}…` : words;
  return name ? `${name}: ${cut}` : cut;
}
