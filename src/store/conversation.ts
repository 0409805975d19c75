/**
 * Which conversation the visitor is in, and getting one. Conversations start lazily: bot-first when the
 * panel first opens (so the greeting is seen), user-first on the first thing the visitor sends; merely loading
 * the widget never creates an empty one. The session keeps at most one start in flight and asks again after a
 * reconnect; this module only says that one is wanted, with whom (identity, metadata).
 */
import type { UserIdentity } from '../protocol';
import type { Session } from '../session';
import type { SafeStorage } from '../storage';
import type { Emit } from './events';
import type { ChatState } from './state';
import { createUserIds } from './user-id';

const CONVERSATION_KEY = 'conversation';
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export interface ConversationDeps {
  state: ChatState;
  storage: SafeStorage;
  emit: Emit;
  session: Session;
  identity: UserIdentity;
  metadata: Record<string, unknown>;
}

export function createConversation(deps: ConversationDeps) {
  const { state, storage, emit, session } = deps;
  const userIds = createUserIds(storage);
  let identity: UserIdentity = { ...deps.identity };
  let metadata: Record<string, unknown> = { ...deps.metadata };
  let wanted = false;
  state.conversationId.value = storage.get(CONVERSATION_KEY, isString);
  /** Whether this conversation's transcript has been shown yet (a new conversation has none to show). */
  let historyLoaded = !state.conversationId.value;

  function set(id: string | undefined, isNew: boolean): void {
    state.conversationId.value = id;
    if (id) storage.set(CONVERSATION_KEY, id);
    else storage.remove(CONVERSATION_KEY);
    if (id) emit('conversation', { conversationId: id, isNew });
  }

  function ensure(): void {
    wanted = true;
    if (state.conversationId.value) return;
    const who = userIds.withUserId(identity);
    session.startConversation(Object.keys(metadata).length ? { identity: who, metadata } : { identity: who });
  }

  return {
    ensure,
    /** The session can send again: a conversation wanted (or needed by queued items) is asked for. */
    onReady(): void {
      if (wanted || session.pending().size) ensure();
    },
    started(id: string): void {
      historyLoaded = true;
      set(id, true);
    },
    /** The hub forgot the conversation (400): what was queued for it fails, and a new one is wanted. */
    lost(): void {
      session.conversationLost();
      set(undefined, false);
      ensure();
    },
    /** Another conversation (undefined: a new one, started on demand), whose transcript is still to come. */
    switchTo(id: string | undefined): void {
      set(id, false);
      historyLoaded = !id;
    },
    historyShown(): void {
      historyLoaded = true;
    },
    restoring: (): boolean => !historyLoaded,
    /** An open panel from the start (data-open, the iframe): the bot greets as soon as the socket is ready. */
    wantNow(): void {
      wanted = true;
    },
    identify(next: UserIdentity): void {
      identity = { ...identity, ...next };
    },
    /**
     * A logout: the next conversation starts for nobody in particular (a new anonymous id, unless the host
     * identifies the next visitor) with only the page's own metadata.
     */
    forgetVisitor(): void {
      identity = {};
      metadata = { ...deps.metadata };
      wanted = false;
    },
    mergeMetadata(patch: Record<string, unknown>): void {
      metadata = { ...metadata, ...patch };
    },
    userId: (): string | undefined => userIds.peek(identity),
  };
}

export type Conversation = ReturnType<typeof createConversation>;
