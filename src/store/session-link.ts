/**
 * Connects a store to the hub: elects (or skips electing) the tab that holds the socket, and opens the
 * socket in that tab, relaying what it receives to the other tabs (tabs.ts). Tabs share nothing when
 * nothing is stored, or without Web Locks (no safe election): then each keeps its own socket.
 */

import type { OutboundFrame } from '../protocol';
import { hashKey, type SafeStorage } from '../storage';
import {
  type Connection,
  type ConnectionOptions,
  type ConnectionStatus,
  createConnection,
} from '../transport/connection';
import type { ChatOptions } from './options';
import { createSoloTabs, createTabs, type Tabs, type TabsContext } from './tabs';

export interface SessionLinkContext extends Omit<TabsContext, 'becomeLeader' | 'onStatus'> {
  options: ChatOptions;
  storage: SafeStorage;
  connect?: ((opts: ConnectionOptions) => Connection) | undefined;
  onStatus(status: ConnectionStatus): void;
  onReady(): void;
  onReject: NonNullable<ConnectionOptions['onReject']>;
  keepaliveFrame(): OutboundFrame | null;
  /** This tab leads now: reload what the previous leader stored, before the socket opens. */
  onLeadership(): void;
  setConnection(connection: Connection): void;
}

export function linkSession(ctx: SessionLinkContext): Tabs {
  const { options } = ctx;
  let tabs: Tabs | undefined;
  const roles: TabsContext = {
    ...ctx,
    becomeLeader() {
      ctx.onLeadership();
      ctx.setConnection(
        (ctx.connect ?? createConnection)({
          url: options.url,
          apiKey: options.apiKey,
          onFrame(frame) {
            ctx.onFrame(frame);
            tabs?.tell({ t: 'frame', frame });
          },
          onReady: ctx.onReady,
          onReject: ctx.onReject,
          keepaliveMs: options.keepaliveMs,
          maxRetries: options.maxRetries,
          keepaliveFrame: ctx.keepaliveFrame,
          onStatus(status) {
            ctx.onStatus(status);
            tabs?.tell({ t: 'status', status });
          },
        }),
      );
    },
  };
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator;
  tabs =
    ctx.storage.kind === 'memory' || !locks
      ? createSoloTabs(roles)
      : createTabs(`captivate-chat:${hashKey(`${options.url}|${options.apiKey}`)}`, roles);
  return tabs;
}
