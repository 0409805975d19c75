/**
 * The visitor's user id. The hub lists conversations by `userId` (docs/protocol.md §3 `get_user_conversations`),
 * so history needs one. The host's id (`data-user-id`, `identify()`) wins; without one the widget makes an
 * anonymous id, `anon-<uuid>`, and keeps it in the widget's storage, which is namespaced by hub URL and API
 * key, so a returning visitor sees their own past conversations and no other site's.
 *
 * The anonymous id is made lazily, when the first conversation starts: loading the widget stores nothing.
 */
import { newClientMsgId, type UserIdentity } from '../protocol';
import type { SafeStorage } from '../storage';

const USER_KEY = 'user';
const isAnonymousId = (v: unknown): v is string => typeof v === 'string' && /^anon-[0-9a-f-]{36}$/.test(v);

export interface UserIds {
  /** The identity with a user id, making and storing the anonymous one when the host gave none. */
  withUserId(identity: UserIdentity): UserIdentity;
  /** The user id if there is one, without making any: no id means no conversations to list. */
  peek(identity: UserIdentity): string | undefined;
}

export function createUserIds(storage: SafeStorage): UserIds {
  const stored = () => storage.get(USER_KEY, isAnonymousId);
  return {
    withUserId(identity) {
      if (identity.userId) return identity;
      let userId = stored();
      if (!userId) {
        userId = `anon-${newClientMsgId()}`;
        storage.set(USER_KEY, userId);
      }
      return { ...identity, userId };
    },
    peek: (identity) => identity.userId || stored(),
  };
}
