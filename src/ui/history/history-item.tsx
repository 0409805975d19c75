/**
 * One past conversation: a button that opens it (marked `aria-current` when it is the one shown) and a
 * delete button named after it, so a screen reader user hears which conversation each one deletes.
 */
import type { ConversationSummary } from '../../protocol';
import { useUi } from '../context';
import { Icon } from '../icon';
import { conversationLabel } from './history-label';

export interface HistoryItemProps {
  summary: ConversationSummary;
  current: boolean;
  onOpen(id: string): void;
  onDelete(id: string, title: string, button: HTMLButtonElement): void;
}

export function HistoryItem({ summary, current, onOpen, onDelete }: HistoryItemProps) {
  const { store, t, locale } = useUi();
  const { title, detail } = conversationLabel(
    summary,
    store.history.startedAt(summary.conversationId),
    t,
    locale,
  );
  return (
    <li class="cc-history-item" data-current={current ? '' : undefined}>
      <button
        type="button"
        class="cc-history-open"
        aria-current={current ? 'true' : undefined}
        data-conversation-id={summary.conversationId}
        onClick={() => onOpen(summary.conversationId)}
      >
        <bdi class="cc-history-title">{title}</bdi>
        {detail && <bdi class="cc-history-detail">{detail}</bdi>}
        {current && <span class="cc-history-current">{t('currentConversation')}</span>}
      </button>
      <button
        type="button"
        class="cc-icon-button cc-history-delete"
        aria-label={t('deleteNamed', { name: title })}
        title={t('deleteNamed', { name: title })}
        onClick={(event) => onDelete(summary.conversationId, title, event.currentTarget)}
      >
        <Icon name="trash" class="cc-icon-sm" />
      </button>
    </li>
  );
}
