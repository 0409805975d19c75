/**
 * The render budget of one message. A hub frame may carry a message of hundreds of parts and megabytes of
 * text; rendering all of it at once would hold the main thread for seconds. So a message shows its parts
 * while they fit one budget, and the rest behind "Show more", one budget per click.
 */
import type { MessagePart } from '../../../protocol/model';
import { TEXT_PREVIEW_CHARS } from './truncate';

/** One render: about this many characters of text, and at most this many parts. */
export const MESSAGE_BUDGET = { chars: 20_000, parts: 20 } as const;
/** What a part without text (cards, files, buttons) counts for. */
const OTHER_PART_CHARS = 200;

/** The text of a text, markdown or html part; empty for the others. */
export function partText(part: MessagePart): string {
  if (part.kind === 'text') return part.text;
  if (part.kind === 'md') return part.md;
  if (part.kind === 'html') return part.html;
  return '';
}

/** What a part costs as first shown: long text shows only its preview until the visitor asks for more. */
export function partCost(part: MessagePart): number {
  const text = partText(part);
  return text === '' ? OTHER_PART_CHARS : Math.min(text.length, TEXT_PREVIEW_CHARS);
}

/** The end (exclusive) of the parts shown when one more budget starts at `from`: at least one part. */
export function budgetEnd(parts: readonly MessagePart[], from: number): number {
  let chars = 0;
  let end = from;
  while (end < parts.length && end - from < MESSAGE_BUDGET.parts) {
    chars += partCost(parts[end]!);
    if (chars > MESSAGE_BUDGET.chars && end > from) break;
    end++;
  }
  return end;
}

/** Text for a preview of an html part: its tags dropped (the result is shown as a text node, never parsed). */
export function htmlAsText(html: string): string {
  return html
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}
