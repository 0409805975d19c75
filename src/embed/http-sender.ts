/** The HTTP side and the send-mode rule, as one lazily loaded chunk (create-session.ts). */
import type { SenderFactory } from '../session';
import { waySender } from '../session/way-sender';
import { createHttpSide } from '../transport/http-side';
import type { SendMode } from '../transport/send-mode';

export function httpSender(sendMode: SendMode, httpUrl: string, apiKey: string): SenderFactory {
  return waySender(sendMode, createHttpSide({ httpUrl, apiKey }));
}
