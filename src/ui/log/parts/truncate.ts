/**
 * Long texts are shown cut, so a 1 MB message does not become a 1 MB DOM until the reader asks for it.
 */
export const TEXT_PREVIEW_CHARS = 4000;

export interface TextPreview {
  text: string;
  truncated: boolean;
}

/** The first `limit` characters (never splitting a surrogate pair) plus an ellipsis, or the whole text. */
export function previewText(text: string, limit = TEXT_PREVIEW_CHARS): TextPreview {
  if (text.length <= limit) return { text, truncated: false };
  let end = Math.max(0, limit);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: `${text.slice(0, end).trimEnd()}…`, truncated: true };
}
