/**
 * The conversation log (`role="log"`): the welcome text, the messages, the typing indicator. Windowed: only
 * the rows in and near the viewport are in the DOM, between two spacers standing in for the rest
 * (use-virtual-window.ts), so a restored history of thousands of messages costs what a screenful does, and
 * markdown is parsed only for rows that come into view. New messages are announced by a separate live
 * region (live-announcer.tsx): rows entering the window as the reader scrolls are not news.
 *
 * Focus does not jump: the row holding focus stays rendered while the reader scrolls away from it, and if it
 * must go after all, focus moves to the log instead of being lost.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { formatTime } from '../../i18n';
import type { ChatMessage } from '../../store/messages';
import { useUi } from '../context';
import { EarlierMessages } from './earlier-messages';
import { logRows } from './grouping';
import { LiveAnnouncer } from './live-announcer';
import { MessageRow } from './message-row';
import { NewMessagesPill } from './new-messages-pill';
import { TypingIndicator } from './typing-indicator';
import { useAutoscroll } from './use-autoscroll';
import { WelcomeMessage } from './welcome-message';
import { useVirtualWindow } from './window/use-virtual-window';

/** Rows of messages younger than this rise into view; older ones (scrolled back into the window) do not. */
const FRESH_MS = 1500;

const rowOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLElement>('[data-row-id]') : null;

function lastUserId(messages: readonly ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.sender === 'user' && !message.history) return message.id;
  }
  return undefined;
}

export function MessageList({ active }: { active: boolean }) {
  const { store, t, options, locale } = useUi();
  const messages = store.state.messages.value;
  const typing = store.state.typing.value;
  const logRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focused = useRef<string | undefined>(undefined);

  const rows = useMemo(() => logRows(messages), [messages]);
  const ids = useMemo(() => rows.map((r) => r.message.id), [rows]);
  const { unseen, scrollToEnd, pinned } = useAutoscroll({
    log: logRef,
    contentKey: [messages, typing !== undefined],
    forceKey: lastUserId(messages),
    active,
  });
  const keep = focused.current === undefined ? -1 : ids.lastIndexOf(focused.current);
  const view = useVirtualWindow({ scroller: logRef, list: listRef, ids, pinned, keep });

  // The first formatted time loads the locale's data (~10 ms): do that while the socket connects rather than
  // when a restored history is waiting to be shown.
  useEffect(() => {
    const id = setTimeout(() => formatTime(Date.now(), locale), 0);
    return () => clearTimeout(id);
  }, [locale]);

  // The focused row left the DOM after all (far away, or removed): keep focus in the log, not on <body>.
  useLayoutEffect(() => {
    const el = logRef.current;
    const id = focused.current;
    if (!el || id === undefined) return;
    const rendered = listRef.current?.children ?? [];
    for (const row of rendered) if ((row as HTMLElement).dataset.rowId === id) return;
    focused.current = undefined;
    const active = el.ownerDocument.activeElement;
    if (!active || active === el.ownerDocument.body) el.focus({ preventScroll: true });
  });

  const now = Date.now();
  return (
    <div class="cc-log-wrap">
      <div
        ref={logRef}
        class="cc-log"
        part="log"
        role="log"
        aria-live="off"
        aria-label={t('messageLog')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling log must be reachable by keyboard.
        tabIndex={0}
        onFocusIn={(event) => {
          focused.current = rowOf(event.target)?.dataset.rowId;
        }}
        onFocusOut={(event) => {
          const target = event.target as HTMLElement;
          // Focus moved on by the visitor (the element is still there): nothing to keep.
          queueMicrotask(() => {
            if (target.isConnected && focused.current === rowOf(target)?.dataset.rowId)
              focused.current = undefined;
          });
        }}
      >
        <div class="cc-log-content">
          {store.state.earlier.value ? (
            <EarlierMessages />
          ) : (
            options.welcome && <WelcomeMessage text={options.welcome} />
          )}
          {rows.length > 0 && (
            <div ref={listRef} class="cc-window">
              <div class="cc-spacer" aria-hidden="true" style={{ height: `${view.before}px` }} />
              {rows.slice(view.start, view.end).map(({ message, first }, i) => (
                <MessageRow
                  key={message.id}
                  message={message}
                  first={first}
                  gap={view.start + i === 0 ? 'none' : first ? 'group' : 'row'}
                  fresh={!message.history && now - message.at < FRESH_MS}
                />
              ))}
              <div class="cc-spacer" aria-hidden="true" style={{ height: `${view.after}px` }} />
            </div>
          )}
          {typing && <TypingIndicator name={typing.name} />}
        </div>
      </div>
      <LiveAnnouncer messages={messages} />
      {unseen && <NewMessagesPill onClick={scrollToEnd} />}
    </div>
  );
}
