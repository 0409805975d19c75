/**
 * A bot message too large for the socket arrives as `general_error` 413 with a link (docs/protocol.md §3).
 * The session fetches it (transport/message-link.ts decides where the key may go) and hands the store an
 * ordinary `bot_message`, or a `general_error` 413 without a link when the fetch fails.
 *
 * Few conversations ever meet one, so the fetching code is a chunk of its own, fetched with the first link;
 * when that chunk cannot be fetched (offline) the message is told as one whose link failed, and the next
 * link fetches it again (load-once.ts).
 */
import { loadOnce } from '../lazy/load-once';
import type { InboundFrame } from '../protocol';
import type { KeyScope } from '../transport/key-scope';

const messageLinkCode = loadOnce(() => import('../transport/message-link'));

export async function fetchLargeMessage(
  link: string,
  scope: KeyScope,
  apiKey: string,
  fetcher?: typeof fetch,
): Promise<InboundFrame> {
  const result = await messageLinkCode().then(
    ({ fetchMessageLink }) =>
      fetchMessageLink(link, { scope, apiKey, ...(fetcher ? { fetch: fetcher } : {}) }),
    (error: unknown) => ({ ok: false as const, detail: `its code could not be fetched (${error})` }),
  );
  if (result.ok) return { type: 'bot_message', parts: result.parts };
  return {
    type: 'general_error',
    code: 413,
    description: `Could not load a large message: ${result.detail}`,
  };
}

/** A 413 whose message the session fetches itself, rather than passing the error on. */
export function isLargeMessageLink(
  frame: InboundFrame,
): frame is Extract<InboundFrame, { type: 'general_error' }> & { messageLink: string } {
  return frame.type === 'general_error' && frame.code === 413 && !!frame.messageLink;
}
