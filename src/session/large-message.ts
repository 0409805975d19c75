/**
 * A bot message too large for the socket arrives as `general_error` 413 with a link (docs/protocol.md §3):
 * `GET message_link` with the API key returns `{botMessage:{content:[parts]}}`. The session fetches it and
 * hands the store an ordinary `bot_message`, or a `general_error` 413 without a link when the fetch fails.
 */
import { decodeParts, type InboundFrame } from '../protocol';
import { mayReceiveApiKey } from '../transport/socket-url';

export interface LargeMessageContext {
  apiKey: string;
  hubUrl: string;
  uploadUrl?: string;
  fetch?: typeof fetch;
}

export async function fetchLargeMessage(ctx: LargeMessageContext, link: string): Promise<InboundFrame> {
  const headers: Record<string, string> = {};
  if (mayReceiveApiKey(link, ctx.hubUrl, ctx.uploadUrl)) headers['x-api-key'] = ctx.apiKey;
  try {
    const response = await (ctx.fetch ?? fetch)(link, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body: unknown = await response.json();
    const bot = typeof body === 'object' && body && 'botMessage' in body ? body.botMessage : undefined;
    const content = typeof bot === 'object' && bot && 'content' in bot ? bot.content : undefined;
    return { type: 'bot_message', parts: decodeParts(content) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'general_error', code: 413, description: `Could not load a large message: ${message}` };
  }
}

/** A 413 whose message the session fetches itself, rather than passing the error on. */
export function isLargeMessageLink(frame: InboundFrame): frame is Extract<
  InboundFrame,
  { type: 'general_error' }
> & {
  messageLink: string;
} {
  return frame.type === 'general_error' && frame.code === 413 && !!frame.messageLink;
}
