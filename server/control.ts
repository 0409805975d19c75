/**
 * The in-process control interface (`hub.control`): push frames, drop sockets, refuse connections,
 * read the received-frame log and the conversations, change run-time options, seed stored messages. control-http.ts exposes
 * the same operations under `/__control/` for loopback clients.
 */

import type { Conversation, ConversationStore } from './conversations';
import type { Faults } from './faults';
import type { FrameFilter, FrameLog, FrameRecord, FrameStats } from './frame-log';
import type { RuntimeOptions } from './options';
import type { Registry } from './registry';
import { applyRuntimePatch } from './runtime-options';
import type { Scheduler } from './scheduler';
import { type SeedRequest, seedConversation } from './seed';
import { framePushed, type Json } from './wire';

export interface ConversationSummary {
  conversationId: string;
  userId: string | null;
  userBasicInfo: Json | null;
  metadata: Json;
  createdAt: number;
  messageCount: number;
  agentConnected: boolean;
  attachedSockets: number;
}

export interface HubControl {
  /**
   * Sends `frame` (any JSON; `{event_type, event_payload}` is wrapped like the hub's own frames) to the
   * conversation's sockets, or to all sockets when `conversationId` is null, whatever its size (`maxFrameOut`
   * limits the hub's own pushes, not what a test injects); returns the count.
   */
  push(conversationId: string | null, frame: unknown): number;
  /** Terminates every socket abruptly (no close frame); returns the count. */
  drop(): number;
  /** The next `count` events of `eventType` are lost with their socket or HTTP request (see faults.ts). */
  loseNext(eventType: string, count?: number): void;
  /** The next `count` HTTP sends of `eventType` are handled, then their answer is lost (see faults.ts). */
  loseNextAnswer(eventType: string, count?: number): void;
  /** Refuses WebSocket upgrades with HTTP 503 for `ms` milliseconds (0 stops refusing). */
  refuse(ms: number): void;
  isRefusing(): boolean;
  frames(filter?: FrameFilter): FrameRecord[];
  conversations(): ConversationSummary[];
  /** The full stored conversation (messages, actions, agent state). */
  conversation(conversationId: string): Conversation | undefined;
  /** Clears the received-frame log and its counters. */
  reset(): void;
  options(): RuntimeOptions;
  setOptions(patch: Partial<RuntimeOptions>): RuntimeOptions;
  stats(): FrameStats & { sockets: number };
  /** Resolves when every scheduled bot/agent reply has been sent. */
  idle(): Promise<void>;
  /**
   * Stores messages in a conversation (a new one unless `conversationId` names one) without sending anything,
   * for transcript-restore tests and benchmarks. Undefined when `conversationId` names no conversation.
   */
  seed(request: SeedRequest): { conversationId: string; messageCount: number } | undefined;
}

export function createControl(deps: {
  store: ConversationStore;
  registry: Registry;
  frameLog: FrameLog;
  faults: Faults;
  scheduler: Scheduler;
  getOptions: () => RuntimeOptions;
  setOptions: (options: RuntimeOptions) => void;
}): HubControl {
  const { store, registry, frameLog } = deps;
  let refuseUntil = 0;

  return {
    push(conversationId, frame) {
      const prepared = framePushed(frame, deps.getOptions().envelope);
      if (conversationId) return registry.deliverRaw(conversationId, prepared, true);
      const all = registry.all();
      for (const client of all) registry.sendRaw(client, prepared, true);
      return all.length;
    },
    drop() {
      const all = registry.all();
      for (const client of all) client.ws.terminate();
      return all.length;
    },
    loseNext: (eventType, count) => deps.faults.loseNext(eventType, count),
    loseNextAnswer: (eventType, count) => deps.faults.loseNextAnswer(eventType, count),
    refuse(ms) {
      refuseUntil = ms > 0 ? Date.now() + ms : 0;
    },
    isRefusing: () => Date.now() < refuseUntil,
    frames: (filter) => frameLog.list(filter),
    conversations: () =>
      store.all().map((c) => ({
        conversationId: c.id,
        userId: c.userId,
        userBasicInfo: c.userBasicInfo,
        metadata: c.metadata,
        createdAt: c.createdAt,
        messageCount: c.messages.length,
        agentConnected: c.agent.connected,
        attachedSockets: registry.attachedTo(c.id).length,
      })),
    conversation: (conversationId) => store.get(conversationId),
    reset: () => frameLog.clear(),
    options: () => deps.getOptions(),
    setOptions(patch) {
      const next = applyRuntimePatch(deps.getOptions(), patch);
      deps.setOptions(next);
      return next;
    },
    stats: () => ({ ...frameLog.stats(), sockets: registry.all().length }),
    idle: () => deps.scheduler.idle(),
    seed(request) {
      const conv = seedConversation(store, request);
      return conv && { conversationId: conv.id, messageCount: conv.messages.length };
    },
  };
}
