/**
 * Escaping for text that must show as text. Used for raw HTML typed in markdown, for the plain-text
 * fallback (input over the length cap, or a parser/sanitiser failure) and by callers that build no markup.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that are special in HTML text and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * Renders text as one paragraph of escaped plain text, keeping its line breaks. No markdown, no HTML:
 * the output is safe without a sanitiser pass, which is the point of using it above the length cap.
 */
export function plainTextHtml(text: string): string {
  if (text === '') return '';
  return `<p>${escapeHtml(text).replace(/\r\n?|\n/g, '<br>')}</p>`;
}
