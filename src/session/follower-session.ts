/**
 * The session of a tab that does not hold the socket: a typed proxy to the leading tab (tab-session.ts).
 * Everything goes to the leader as a tab message; the items it hands over are kept until the leader reports
 * them delivered, and offered again to a new leader. Frames, status and delivery states come back relayed.
 * A forget (tab-session.ts tells every tab) drops them here, and the stored outbox in case no tab leads now.
 */
import type { SafeStorage } from '../storage';
import { tooLargeToSend } from './outbox-item';
import { forgetStored, forgets, restoredMessages } from './outbox-storage';
import type { QueuedItem, Session } from './session';
import type { TabMessage } from './tab-messages';

export interface FollowerSession extends Session {
  /** The leader reported an item delivered: no need to offer it again. */
  delivered(id: string): void;
  /** A new leader: offer it what the old one may not have taken. */
  offerAgain(): void;
  /** This tab leads now: what it handed over, for its own outbox. */
  takeBack(): QueuedItem[];
}

export interface FollowerDeps {
  storage: SafeStorage;
  tell(message: TabMessage): void;
  conversationId(): string | undefined;
}

export function createFollowerSession({ storage, tell, conversationId }: FollowerDeps): FollowerSession {
  const handedOver = new Map<string, QueuedItem>();
  return {
    open() {
      // Not the leader (yet): ask whoever leads for the conversation so far.
      tell({ t: 'sync' });
    },
    enqueue(item) {
      if (tooLargeToSend(item, conversationId())) return 'too_large';
      handedOver.set(item.id, item);
      tell({ t: 'enqueue', item });
      return 'queued';
    },
    retry: (id) => tell({ t: 'retry', id }),
    // Only the leading tab starts conversations: a second tab never starts a second one.
    startConversation: (request) => tell({ t: 'start', request }),
    request(frame) {
      tell({ t: 'send', frame });
      return 'sent';
    },
    requestTranscript: () => tell({ t: 'sync' }),
    // Only the leader's outbox settles deliveries.
    pending: () => new Set(),
    settle() {},
    conversationLost() {},
    forget(id) {
      if (forgets(id, conversationId())) handedOver.clear();
      forgetStored(storage, id);
    },
    restored: (id) => restoredMessages(storage, id, Date.now()),
    share: (note) => tell({ t: 'note', note }),
    reconnect() {},
    close() {},
    delivered: (id) => void handedOver.delete(id),
    offerAgain() {
      for (const item of handedOver.values()) tell({ t: 'enqueue', item });
    },
    takeBack() {
      const items = [...handedOver.values()];
      handedOver.clear();
      return items;
    },
  };
}
