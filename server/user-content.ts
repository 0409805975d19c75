/**
 * User content (docs/protocol.md §4) as transcript parts: `{type:'text', text}`, `{text, files}`,
 * `{type:'files', files}`, a bare string or an array of parts. Empty text is dropped, so the bot-first
 * message (`{type:'text', text:''}`) becomes no parts at all.
 */
import { isObject } from './wire';

const textPart = (text: string) => ({ type: 'text', text });

function filesPart(files: unknown): { type: 'files'; files: unknown[] } | null {
  const list = Array.isArray(files) ? files : isObject(files) ? [files] : [];
  return list.length > 0 ? { type: 'files', files: list } : null;
}

export function userContentToParts(content: unknown): unknown[] {
  if (typeof content === 'string') return content.trim() === '' ? [] : [textPart(content)];
  if (Array.isArray(content)) return content.flatMap((item) => userContentToParts(item));
  if (!isObject(content)) return [];
  const parts: unknown[] = [];
  if (typeof content.text === 'string' && content.text.trim() !== '') parts.push(textPart(content.text));
  const files = filesPart(content.files);
  if (files) parts.push(files);
  const known = content.type === undefined || content.type === 'text' || content.type === 'files';
  if (!known && parts.length === 0) parts.push(content);
  return parts;
}

/** The text of the text parts, joined by newlines. */
export function partsText(parts: readonly unknown[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : isObject(p) && typeof p.text === 'string' ? p.text : ''))
    .filter((t) => t !== '')
    .join('\n');
}

/** File names in user parts (for the bot's acknowledgement). */
export function partsFileNames(parts: readonly unknown[]): string[] {
  const names: string[] = [];
  for (const part of parts) {
    if (!isObject(part) || !Array.isArray(part.files)) continue;
    for (const file of part.files) {
      if (!isObject(file)) continue;
      const name = file.filename ?? file.name;
      names.push(typeof name === 'string' && name !== '' ? name : 'file');
    }
  }
  return names;
}
