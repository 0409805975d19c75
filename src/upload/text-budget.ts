/**
 * Caps the extracted text the vendor file service returns. That text rides inside the `user_message`
 * frame, and the hub's gateway closes the socket (1009) on frames over 32 KB (docs/protocol.md §1), which a
 * naive client would then resend forever. A character cap is not enough:
 * one CJK character is 3 bytes of UTF-8 and a control character 6 bytes of JSON escape, so the cap is
 * on the JSON-encoded UTF-8 size of the string.
 */

/** Default budget for one file's text: half a frame, leaving room for URLs, the user's text, the envelope. */
export const DEFAULT_MAX_TEXT_BYTES = 16_000;

const encoder = new TextEncoder();

/** Bytes `text` takes inside a JSON frame, quotes included. */
export function jsonBytes(text: string): number {
  return encoder.encode(JSON.stringify(text)).length;
}

/**
 * The longest prefix of `text` whose JSON encoding fits in `maxBytes`, never splitting a surrogate
 * pair, and whether anything was cut.
 */
export function capText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (jsonBytes(text) <= maxBytes) return { text, truncated: false };
  // Every UTF-16 unit costs at least one byte, so no prefix longer than maxBytes can fit: searching
  // only that far keeps a multi-megabyte extraction cheap.
  let lo = 0;
  let hi = Math.min(text.length, Math.max(0, maxBytes));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (jsonBytes(text.slice(0, mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--; // A lone high surrogate is not valid text.
  return { text: text.slice(0, end), truncated: true };
}
