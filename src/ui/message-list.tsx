/**
 * The conversation log (`role="log"`, polite): the welcome text, the message groups, the typing indicator.
 * Only the latest PAGE_SIZE messages are rendered at first ("load more" adds earlier ones while keeping the
 * reader's place), so a burst of thousands of messages stays responsive.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChatMessage } from '../store/messages';
import { useUi } from './context';
import { groupMessages, isShown } from './grouping';
import { MessageGroup } from './message-group';
import { NewMessagesPill } from './new-messages-pill';
import { TypingIndicator } from './typing-indicator';
import { useAutoscroll } from './use-autoscroll';
import { WelcomeMessage } from './welcome-message';

export const PAGE_SIZE = 200;

function lastUserId(messages: readonly ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.sender === 'user' && !message.history) return message.id;
  }
  return undefined;
}

export function MessageList({ active }: { active: boolean }) {
  const { store, t, options } = useUi();
  const messages = store.state.messages.value;
  const typing = store.state.typing.value;
  const [limit, setLimit] = useState(PAGE_SIZE);
  const logRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const restoreFromEnd = useRef<number | null>(null);

  const shown = useMemo(() => messages.filter(isShown), [messages]);
  const hidden = Math.max(0, shown.length - limit);
  const groups = useMemo(() => groupMessages(hidden ? shown.slice(hidden) : shown), [shown, hidden]);
  const { unseen, scrollToEnd } = useAutoscroll({
    log: logRef,
    content: contentRef,
    contentKey: [messages, typing !== undefined],
    forceKey: lastUserId(messages),
    active,
  });

  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el || restoreFromEnd.current === null) return;
    el.scrollTop = el.scrollHeight - restoreFromEnd.current;
    restoreFromEnd.current = null;
  }, [limit]);

  function loadEarlier(): void {
    const el = logRef.current;
    if (el) restoreFromEnd.current = el.scrollHeight - el.scrollTop;
    setLimit(limit + PAGE_SIZE);
    el?.focus();
  }

  return (
    <div class="cc-log-wrap">
      <div
        ref={logRef}
        class="cc-log"
        role="log"
        aria-live="polite"
        aria-label={t('messageLog')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling log must be reachable by keyboard.
        tabIndex={0}
      >
        <div ref={contentRef} class="cc-log-content">
          {hidden > 0 ? (
            <button type="button" class="cc-load-more" onClick={loadEarlier}>
              {t('loadMore')}
            </button>
          ) : (
            options.welcome && <WelcomeMessage text={options.welcome} />
          )}
          {groups.map((group) => (
            <MessageGroup key={group.key} group={group} />
          ))}
          {typing && <TypingIndicator name={typing.name} />}
        </div>
      </div>
      {unseen && <NewMessagesPill onClick={scrollToEnd} />}
    </div>
  );
}
