/**
 * The history view, shown in the panel in place of the chat: the visitor's past conversations, newest first,
 * ten at a time ("Load more"), each one to open or delete, and "Back". It asks the hub for the first page
 * each time it opens, so the list is never stale.
 *
 * Focus: the heading on entry (so the view is announced), the first newly loaded item after "Load more"
 * (the button may vanish), the composer after opening a conversation, the menu button after "Back" or
 * Escape.
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';
import { adoptPartStyles } from '../adopt-styles';
import { useUi } from '../context';
import historyCss from './history.css?inline';
import { HistoryItem } from './history-item';
import { HistoryBackButton, leaveHistory } from './leave-history';

export function HistoryPanel() {
  const ui = useUi();
  const { store, t } = ui;
  const history = store.history;
  const items = history.items.value;
  const loading = history.loading.value;
  const current = store.state.conversationId.value;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | undefined>(undefined);

  useLayoutEffect(() => adoptPartStyles(headingRef.current, historyCss), []);

  useEffect(() => {
    history.refresh();
    headingRef.current?.focus();
  }, [history]);

  useEffect(() => {
    const from = focusFrom.current;
    if (from === undefined || items.length <= from) return;
    focusFrom.current = undefined;
    listRef.current?.querySelectorAll<HTMLElement>('.cc-history-open')[from]?.focus();
  }, [items]);

  const { back, onKeyDown } = leaveHistory(ui);

  return (
    <section class="cc-history" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div class="cc-history-bar">
        <HistoryBackButton onClick={back} />
        <h3 id={headingId} class="cc-history-heading" tabIndex={-1} ref={headingRef}>
          {t('conversations')}
        </h3>
      </div>
      <div class="cc-history-body">
        <ul class="cc-history-list" ref={listRef} aria-busy={loading ? 'true' : undefined}>
          {items.map((summary) => (
            <HistoryItem
              key={summary.conversationId}
              summary={summary}
              current={summary.conversationId === current}
              onOpen={(id) => {
                history.open(id);
                ui.showView('chat', ui.focusComposer);
              }}
              onDelete={(id, title, button) => {
                ui.confirm.value = {
                  title: t('deleteNamed', { name: title }),
                  message: t('deleteConversationConfirm'),
                  onConfirm() {
                    history.deleteConversation(id);
                    headingRef.current?.focus();
                  },
                  onCancel: () => button.focus(),
                };
              }}
            />
          ))}
        </ul>
        <p class="cc-history-note" role="status">
          {loading ? t('loadingConversations') : items.length ? '' : t('noConversations')}
        </p>
        {history.hasMore.value && (
          <button
            type="button"
            class="cc-history-more"
            aria-disabled={loading ? 'true' : undefined}
            onClick={() => {
              if (loading) return;
              focusFrom.current = items.length;
              history.loadMore();
            }}
          >
            {t('loadMore')}
          </button>
        )}
      </div>
    </section>
  );
}
