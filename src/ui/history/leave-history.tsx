/**
 * Leaving the history view, the same whether it is drawn (history-panel.tsx) or still on its way
 * (lazy-history.tsx): Back, or Escape within the view, returns to the chat with focus on the menu button that
 * led there. Escape leaves this view first; a second one closes the panel.
 */
import type { Ref } from 'preact';
import { type UiContextValue, useUi } from '../context';
import { Icon } from '../icon';

export function leaveHistory(ui: Pick<UiContextValue, 'showView' | 'focusMenu'>) {
  const back = (): void => ui.showView('chat', ui.focusMenu);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    back();
  };
  return { back, onKeyDown };
}

/** The view's Back button, in both of its states. */
export function HistoryBackButton({
  onClick,
  buttonRef,
}: {
  onClick: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useUi();
  return (
    <button type="button" class="cc-history-back" onClick={onClick} ref={buttonRef}>
      <Icon name="back" class="cc-icon-sm" />
      <span>{t('back')}</span>
    </button>
  );
}
