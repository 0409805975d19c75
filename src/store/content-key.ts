/**
 * A comparable summary of a message's content. The hub sends no acknowledgements and its transcripts carry
 * no client ids (docs/protocol.md §5, §8), so a transcript entry and a message on screen are recognised as the same
 * by what they say: text, button and card titles, file names. Whitespace is folded so a hub that trims or
 * re-wraps text still matches.
 */
import type { MessagePart } from '../protocol';

function partKey(part: MessagePart): string {
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'md':
      return part.md;
    case 'html':
      return part.html;
    case 'choices':
      return [part.title ?? '', ...part.options.map((o) => o.label)].join(' ');
    case 'links':
      return [part.title ?? '', ...part.links.map((l) => l.title)].join(' ');
    case 'cards':
      return part.cards.map((c) => c.title ?? '').join(' ');
    case 'files':
      return part.files.map((f) => f.name ?? '').join(' ');
    default:
      return '';
  }
}

export function contentKey(parts: readonly MessagePart[]): string {
  return parts.map(partKey).join(' ').replace(/\s+/g, ' ').trim();
}
