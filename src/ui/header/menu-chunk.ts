/** The chunk behind the conversation menu button (lazy-menu.tsx): the menu and the confirmation dialog. */
export { ConfirmDialog } from './confirm-dialog';
export { ConversationMenu } from './conversation-menu';
