/**
 * The entries of the header's conversation menu. A plain array, so more entries (history, transcript) are
 * one object each.
 */
import type { UiContextValue } from './context';
import type { IconName } from './icon';

export interface MenuItem {
  id: string;
  label: string;
  icon?: IconName;
  onSelect(): void;
}

export function conversationMenuItems({ store, t, focusComposer }: UiContextValue): MenuItem[] {
  return [
    {
      id: 'new-conversation',
      label: t('newConversation'),
      icon: 'plus',
      onSelect() {
        store.newConversation();
        focusComposer();
      },
    },
  ];
}
