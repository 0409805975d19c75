/**
 * Tabs of one site share one conversation through one hub session. A Web Lock elects the leader
 * (tab-sync.ts): it runs the real session (socket or HTTP sends, built by `lead`) and relays what comes back
 * to the other tabs, whose sessions are followers (follower-session.ts). When the leader's tab closes,
 * another takes over: it reads the stored outbox and queues what it had handed over.
 */
import type { SafeStorage } from '../storage';
import { createFollowerSession } from './follower-session';
import type { Session, SessionListener, SessionStatus } from './session';
import { isTabMessage, type TabMessage } from './tab-messages';
import { createTabSync, type TabSync, type TabSyncEnv } from './tab-sync';

export interface TabSessionDeps {
  /** The lock and channel name: one per site and key. */
  name: string;
  storage: SafeStorage;
  /** Builds the real session when this tab leads. */
  lead(): Session;
  env?: TabSyncEnv;
}

export function createTabSession(deps: TabSessionDeps): Session {
  let listener: SessionListener | undefined;
  let leader: Session | undefined;
  let sync: TabSync<TabMessage> | undefined;
  const tell = (message: TabMessage): void => sync?.post(message);
  const follower = createFollowerSession({
    storage: deps.storage,
    tell,
    conversationId: () => listener?.conversationId(),
  });
  const current = (): Session => leader ?? follower;
  /** The leader's latest status, for tabs that join later. */
  let status: SessionStatus | undefined;

  /** What the leader's session reports goes to this tab's store and to every other tab. */
  const relay = (to: SessionListener): SessionListener => ({
    ...to,
    frame(frame) {
      to.frame(frame);
      tell({ t: 'frame', frame });
    },
    status(next) {
      status = next;
      to.status(next);
      tell({ t: 'status', status: next });
    },
    delivery(id, state) {
      to.delivery(id, state);
      tell({ t: 'delivery', id, state });
    },
    trouble(trouble) {
      to.trouble(trouble);
      tell({ t: 'trouble', trouble });
    },
  });

  function receive(m: TabMessage): void {
    switch (m.t) {
      case 'frame':
        if (!leader) listener?.frame(m.frame);
        return;
      case 'status':
        if (!leader) listener?.status(m.status);
        return;
      case 'delivery':
        if (m.state === 'sent') follower.delivered(m.id);
        listener?.delivery(m.id, m.state);
        return;
      case 'trouble':
        if (!leader) listener?.trouble(m.trouble);
        return;
      case 'note':
        listener?.note?.(m.note);
        return;
      case 'enqueue':
        leader?.enqueue(m.item);
        return;
      case 'send':
        leader?.request(m.frame);
        return;
      case 'start':
        leader?.startConversation(m.request);
        return;
      case 'retry':
        leader?.retry(m.id);
        return;
      case 'forget':
        current().forget(m.conversationId);
        return;
      case 'sync':
        if (!leader) return;
        // A new tab: it gets the connection status, the conversation so far (the transcript is relayed) and
        // what the store knows.
        if (status) tell({ t: 'status', status });
        leader.requestTranscript();
        listener?.joined?.();
        return;
      case 'leader':
        follower.offerAgain();
        return;
    }
  }

  function takeLead(): void {
    if (!listener) return;
    leader = deps.lead();
    leader.open(relay(listener));
    for (const item of follower.takeBack()) leader.enqueue(item);
    tell({ t: 'leader' });
  }

  return {
    open(l) {
      listener = l;
      sync = createTabSync(deps.name, isTabMessage, receive, takeLead, deps.env);
      follower.open(l);
    },
    enqueue: (item) => current().enqueue(item),
    retry: (id) => current().retry(id),
    startConversation: (request) => current().startConversation(request),
    request: (frame) => current().request(frame),
    requestTranscript: () => current().requestTranscript(),
    pending: () => current().pending(),
    settle: (confirmed, missing) => current().settle(confirmed, missing),
    conversationLost: () => current().conversationLost(),
    // Every tab: the leader's outbox holds what all of them queued, and a follower what it handed over.
    forget(id) {
      current().forget(id);
      tell(id === undefined ? { t: 'forget' } : { t: 'forget', conversationId: id });
    },
    restored: (id) => follower.restored(id),
    share: (note) => tell({ t: 'note', note }),
    reconnect: () => current().reconnect(),
    close() {
      sync?.close();
      leader?.close();
    },
  };
}
