/**
 * The strings the loader needs to draw the launcher. Kept apart from the full table so the loader, which
 * must stay under 3 KB, does not carry every string of the chat application.
 */
export const launcherStrings = {
  launcherOpen: 'Open chat',
  unreadCount: '{count} unread messages',
};
