/**
 * Picks the session the store talks to (docs/architecture.md §1): the hub session, sending as `send-mode`
 * says (over the socket, POSTed to the HTTP side, or whichever the hub takes), shared by the site's tabs
 * through a leader election when storage is shared and Web Locks exist (without them no election is safe,
 * and each tab keeps its own).
 */
import {
  createHubSession,
  createTabSession,
  type HubSessionDeps,
  type SenderFactory,
  type Session,
  socketSender,
  waySender,
} from '../session';
import { hashKey, type SafeStorage } from '../storage';
import type { ChatOptions } from '../store/options';
import { createHttpSide } from '../transport/http-side';

export function createSession(
  options: ChatOptions,
  storage: SafeStorage,
  overrides: Omit<HubSessionDeps, 'options' | 'storage'> = {},
): Session {
  const lead = (): Session => createHubSession({ options, storage, ...overrides }, senderFor(options));
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator;
  if (storage.kind === 'memory' || !locks) return lead();
  return createTabSession({
    name: `captivate-chat:${hashKey(`${options.url}|${options.apiKey}`)}`,
    storage,
    lead,
  });
}

/** `socket` needs nothing of the HTTP side; `http` and `auto` (with an HTTP side) apply the send-mode rule. */
function senderFor(options: ChatOptions): SenderFactory {
  const { sendMode, httpUrl, apiKey } = options;
  if (sendMode === 'socket' || (sendMode === 'auto' && !httpUrl)) return socketSender;
  return waySender(sendMode, httpUrl ? createHttpSide({ httpUrl, apiKey }) : undefined);
}
