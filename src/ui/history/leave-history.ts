/**
 * Leaving the history view, the same whether it is drawn (history-panel.tsx) or still on its way
 * (lazy-history.tsx): Back, or Escape within the view, returns to the chat with focus on the menu button that
 * led there. Escape leaves this view first; a second one closes the panel.
 */
import type { UiContextValue } from '../context';

export function leaveHistory(ui: Pick<UiContextValue, 'showView' | 'focusMenu'>) {
  const back = (): void => ui.showView('chat', ui.focusMenu);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    back();
  };
  return { back, onKeyDown };
}
