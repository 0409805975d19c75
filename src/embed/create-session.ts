/**
 * Picks the session the store talks to (docs/architecture.md §1): the hub session, sending as `send-mode`
 * says (over the socket, POSTed to the HTTP side, or whichever the hub takes), shared by the site's tabs
 * through a leader election when storage is shared and Web Locks exist (without them no election is safe,
 * and each tab keeps its own).
 *
 * The HTTP side is a chunk of its own, fetched only when the mode can use it: a site whose hub has no HTTP
 * side (its own `url`, no `http-url`) never loads it.
 */
import {
  createHubSession,
  createTabSession,
  type HubSessionDeps,
  type SenderFactory,
  type Session,
  socketSender,
} from '../session';
import { hashKey, type SafeStorage } from '../storage';
import type { ChatOptions } from '../store/options';

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
function senderFor(options: ChatOptions): SenderFactory | Promise<SenderFactory> {
  const { sendMode, httpUrl, apiKey } = options;
  if (sendMode === 'socket' || !httpUrl) return socketSender;
  return import('./http-sender').then(({ httpSender }) => httpSender(sendMode, httpUrl, apiKey));
}
