/**
 * The entries of the header's conversation menu, built each time the menu opens: entries that would do
 * nothing are left out ("Download transcript" with no messages, "Delete conversation" before one exists).
 * Each entry moves focus somewhere sensible, since the item itself vanishes with the menu.
 */
import { isVisible } from '../../store/messages';
import { transcriptFileName, transcriptText } from '../../store/transcript-text';
import type { UiContextValue } from '../context';
import type { IconName } from '../icon';
import { downloadTextFile } from '../log/parts/download-file';
import { MENU_ICONS } from './menu-icons';

export interface MenuItem {
  id: string;
  label: string;
  icon?: { name: IconName } | { path: string };
  onSelect(): void;
}

export function conversationMenuItems(ui: UiContextValue): MenuItem[] {
  const { store, t, focusComposer, focusMenu } = ui;
  const { conversationId, messages } = store.state;
  const items: MenuItem[] = [
    {
      id: 'conversations',
      label: t('conversations'),
      icon: { path: MENU_ICONS.history },
      onSelect: () => ui.showView('history'),
    },
    {
      id: 'new-conversation',
      label: t('newConversation'),
      icon: { path: MENU_ICONS.plus },
      onSelect() {
        store.newConversation();
        ui.showView('chat', focusComposer);
      },
    },
  ];
  if (messages.value.some((m) => isVisible(m.parts)))
    items.push({
      id: 'download-transcript',
      label: t('downloadTranscript'),
      icon: { path: MENU_ICONS.download },
      onSelect() {
        const near = ui.menuButtonRef.current?.parentElement;
        const text = transcriptText(messages.value, t);
        if (near) downloadTextFile(near, transcriptFileName(conversationId.value, Date.now()), text);
        focusMenu();
      },
    });
  if (conversationId.value)
    items.push({
      id: 'delete-conversation',
      label: t('deleteConversation'),
      icon: { name: 'trash' },
      onSelect() {
        ui.confirm.value = {
          title: t('deleteConversation'),
          message: t('deleteConversationConfirm'),
          onConfirm() {
            store.history.deleteConversation();
            ui.showView('chat', focusComposer);
          },
        };
      },
    });
  if (store.history.hasUser())
    items.push({
      id: 'delete-all',
      label: t('deleteAllConversations'),
      icon: { name: 'trash' },
      onSelect() {
        ui.confirm.value = {
          title: t('deleteAllConversations'),
          message: t('deleteAllConfirm'),
          onConfirm() {
            store.history.deleteAll();
            ui.showView('chat', focusComposer);
          },
        };
      },
    });
  return items;
}
