/**
 * Picks the session the store talks to (docs/architecture.md §1): the hub session of the configured send
 * mode, shared by the site's tabs through a leader election when storage is shared and Web Locks exist
 * (without them no election is safe, and each tab keeps its own).
 */
import { createHubSession, createTabSession, type HubSessionDeps, type Session } from '../session';
import { hashKey, type SafeStorage } from '../storage';
import type { ChatOptions } from '../store/options';

export function createSession(
  options: ChatOptions,
  storage: SafeStorage,
  overrides: Omit<HubSessionDeps, 'options' | 'storage'> = {},
): Session {
  const lead = (): Session => createHubSession({ options, storage, ...overrides });
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator;
  if (storage.kind === 'memory' || !locks) return lead();
  return createTabSession({
    name: `captivate-chat:${hashKey(`${options.url}|${options.apiKey}`)}`,
    storage,
    lead,
  });
}
