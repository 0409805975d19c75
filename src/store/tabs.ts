/**
 * The store's side of multi-tab sync (tab-sync.ts elects the leader and carries the messages): what a tab
 * tells the others, and what it does with what they tell it. The leader relays hub frames, the connection
 * status and delivery states; every tab shares what its visitor typed and whether the panel is open; a
 * follower hands its outbox items and conversation starts to the leader, and offers them again to a new
 * leader until one confirms them.
 */
import type { InboundFrame, MessagePart, OutboundFrame } from '../protocol';
import type { ConnectionStatus } from '../transport/connection';
import type { OutboxItem } from '../transport/outbox';
import type { DeliveryState } from './messages';
import { createTabSync, type TabMessage, type TabSync } from './tab-sync';

export interface SharedUserMessage {
  id: string;
  parts: MessagePart[];
  sentParts?: MessagePart[];
  at: number;
}

export interface TabsContext {
  onFrame(frame: InboundFrame): void;
  onStatus(status: ConnectionStatus): void;
  onUserMessage(message: SharedUserMessage): void;
  onDelivery(id: string, state: DeliveryState): void;
  onOpen(open: boolean): void;
  /** Leader only: an item a follower's visitor sent, and a follower's wish for a conversation. */
  enqueue(item: OutboxItem): void;
  /** Leader only: a frame a follower wants sent that is not a visitor message (history, metadata requests). */
  send(frame: OutboundFrame): void;
  start(): void;
  /** Leader only: a new tab wants the conversation so far (the transcript, relayed to every tab). */
  resync(): void;
  /** This tab now holds the socket and the outbox. */
  becomeLeader(): void;
}

type Outgoing =
  | { t: 'frame'; frame: InboundFrame }
  | { t: 'status'; status: ConnectionStatus }
  | { t: 'user'; message: SharedUserMessage }
  | { t: 'delivery'; id: string; state: DeliveryState }
  | { t: 'open'; open: boolean }
  | { t: 'enqueue'; item: OutboxItem }
  | { t: 'send'; frame: OutboundFrame }
  | { t: 'start' }
  | { t: 'sync' }
  | { t: 'leader' };

export interface Tabs {
  isLeader(): boolean;
  tell(message: Outgoing): void;
  /** Follower: hands an item to the leader and keeps it until the leader reports it delivered. */
  forward(item: OutboxItem): void;
  close(): void;
}

/** Tabs share nothing when nothing is stored (persist none, blocked storage): each leads on its own. */
export function createSoloTabs(ctx: Pick<TabsContext, 'becomeLeader'>): Tabs {
  ctx.becomeLeader();
  return { isLeader: () => true, tell: () => {}, forward: () => {}, close: () => {} };
}

export function createTabs(name: string, ctx: TabsContext, sync?: typeof createTabSync): Tabs {
  const handedOver = new Map<string, OutboxItem>();
  let tabSync: TabSync | undefined;
  const tell = (message: Outgoing): void => tabSync?.post(message as unknown as TabMessage);

  function receive(raw: TabMessage): void {
    const m = raw as unknown as Outgoing;
    const leading = tabSync?.isLeader() ?? false;
    switch (m.t) {
      case 'frame':
        if (!leading) ctx.onFrame(m.frame);
        return;
      case 'status':
        if (!leading) ctx.onStatus(m.status);
        return;
      case 'user':
        ctx.onUserMessage(m.message);
        return;
      case 'delivery':
        if (m.state === 'sent') handedOver.delete(m.id);
        ctx.onDelivery(m.id, m.state);
        return;
      case 'open':
        ctx.onOpen(m.open);
        return;
      case 'enqueue':
        if (leading) ctx.enqueue(m.item);
        return;
      case 'send':
        if (leading) ctx.send(m.frame);
        return;
      case 'start':
        if (leading) ctx.start();
        return;
      case 'sync':
        if (leading) ctx.resync();
        return;
      case 'leader':
        // A new leader: it has the stored outbox; offer again what it may not have seen.
        for (const item of handedOver.values()) tell({ t: 'enqueue', item });
        return;
    }
  }

  tabSync = (sync ?? createTabSync)(name, receive, () => {
    for (const item of handedOver.values()) ctx.enqueue(item);
    handedOver.clear();
    ctx.becomeLeader();
    tell({ t: 'leader' });
  });

  // A tab that is not the leader has no socket: ask whoever leads for the conversation so far.
  tell({ t: 'sync' });

  return {
    isLeader: () => tabSync?.isLeader() ?? false,
    tell,
    forward(item) {
      handedOver.set(item.id, item);
      tell({ t: 'enqueue', item });
    },
    close: () => tabSync?.close(),
  };
}
