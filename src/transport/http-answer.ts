/**
 * The body of an answer from the hub's HTTP side: JSON, or plain text such as `OK` (docs/protocol.md §7).
 * Read with a byte cap, so a hostile or broken endpoint cannot fill the tab's memory; never throws.
 */
import type { HttpAnswer } from './http-result';

export async function readAnswer(response: Response, maxBytes: number): Promise<HttpAnswer> {
  let text: string;
  try {
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      return { type: 'unreadable', detail: `answer over ${maxBytes} bytes` };
    }
    const read = await readCapped(response, maxBytes);
    if (read === undefined) return { type: 'unreadable', detail: `answer over ${maxBytes} bytes` };
    text = read;
  } catch (error) {
    return { type: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  // Hubs label JSON loosely (`text/plain`, none at all): whatever parses as a JSON object or list is JSON.
  const type = response.headers.get('content-type') ?? '';
  const trimmed = text.trim();
  if (/json/i.test(type) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { type: 'json', value: JSON.parse(trimmed) };
    } catch {
      // Labelled JSON but is not: keep the text, which is still worth showing in a log.
    }
  }
  return { type: 'text', value: text };
}

/** The body as UTF-8 text, or undefined once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
