/**
 * The English table, part of the application chunk (every other language is a chunk of its own, fetched
 * only by its visitors). It defines the `Strings` type every other table must satisfy, so a missing or
 * misspelled key in a translation is a compile error; locales.test.ts also checks placeholders and plural
 * forms. `{name}` placeholders are filled by `t()`. A plural string is an object of CLDR plural forms, picked
 * with `Intl.PluralRules` by the `count` parameter (forms without `{count}`, like "one message", are fine).
 * Typography: ’ for apostrophes, … for ellipses, everywhere, so translations have one model to copy.
 */
export const en = {
  // Launcher (the loader names it from launcher-names.ts, which must agree: locales.test.ts checks)
  launcherOpen: 'Open chat',
  unreadCount: { one: '{count} unread message', other: '{count} unread messages' },

  // Header and panel
  headerTitle: 'Chat with us',
  headerSubtitle: 'We’re here to help',
  conversationMenu: 'Conversation menu',
  closeChat: 'Close chat',
  messageLog: 'Chat messages',

  // Composer
  composerLabel: 'Message',
  composerPlaceholder: 'Type a message…',
  send: 'Send',
  attachFile: 'Attach file',
  removeFile: 'Remove {name}',
  uploading: 'Uploading {name}… {percent}%',
  uploadFailedShort: 'Upload failed',
  messageTooLong: 'This message is too long to send. Shorten it and try again.',

  // File errors, shown before (or instead of) an upload
  fileTooLarge: '{name} is too large ({size}). The limit is {limit}.',
  fileTypeNotSupported: '{name} is not a supported file type.',
  fileUploadFailed: 'Upload failed for {name}. Try again.',
  tooManyFiles: 'You can attach up to {max} files at a time.',

  // Live agent
  talkToHuman: 'Talk to a human',
  waitingForAgent: 'Connecting you to a person…',
  agentJoined: '{name} joined the chat',
  agentLeft: '{name} left the chat',
  agentGenericName: 'An agent',
  agentUnavailable: 'No one is available right now. The assistant will keep helping you.',
  agentWaitTimedOut: 'No one could join yet. You can keep chatting with the assistant or try again later.',

  // Connection status
  statusConnecting: 'Connecting…',
  statusReconnecting: 'Reconnecting in {seconds} s…',
  statusOffline: 'You are offline. Messages will be sent when you reconnect.',
  statusFailed: 'Can’t reach the chat server.',
  retry: 'Retry',

  // Delivery state of the user's messages
  deliverySending: 'Sending…',
  deliverySent: 'Sent',
  deliveryFailed: 'Not sent',
  retrySending: 'Retry sending',
  unsentCount: { one: '{count} message not sent', other: '{count} messages not sent' },
  retryAll: 'Retry all',

  // Errors
  conversationEnded: 'This conversation has ended. A new one has started.',
  genericError: 'Something went wrong ({code}).',
  historyUnavailable: 'Earlier messages could not be loaded right now. What this device kept is shown.',
  startFailed: 'The chat service is not answering right now. What you wrote is kept here.',
  deleteTimedOut: 'The conversation could not be deleted right now. Please try again.',
  hubRefused: 'The chat service refused the request. Your message is kept here.',
  hubBusy: 'The chat service is busy. Please wait a moment before sending more.',
  hubFailed: 'The chat service had a problem. Your message is kept here.',

  // Message list
  newMessages: 'New messages',
  earlierMessages: 'Show earlier messages',
  typingNamed: '{name} is typing…',
  typing: 'Typing…',
  showMore: 'Show more',
  showLess: 'Show less',
  senderUser: 'You',
  senderBot: 'Assistant',
  senderAgent: 'Agent',
  senderSystem: 'System',

  // Rich content
  cardOpenLink: 'Open link',
  fileUnnamed: 'File',
  downloadFile: 'Download {name}',
  fileLinkExpired: 'link expired',
  imageAlt: 'Image from {sender}',

  // History and menu
  conversations: 'Conversations',
  newConversation: 'New conversation',
  deleteConversation: 'Delete conversation',
  deleteAllConversations: 'Delete all conversations',
  deleteAllConfirm: 'Are you sure you want to delete all conversations? This cannot be undone.',
  cancel: 'Cancel',
  confirm: 'Confirm',
  downloadTranscript: 'Download transcript',
  back: 'Back',
  loadMore: 'Load more',
  noConversations: 'No past conversations',
  conversationFrom: 'Conversation from {date}',
  conversationShort: 'Conversation {id}',
  currentConversation: 'Current',
  deleteNamed: 'Delete {name}',
  deleteConversationConfirm: 'Delete this conversation? This cannot be undone.',
  loadingConversations: 'Loading conversations…',
  // UI
  dropFiles: 'Drop files to attach them',
} satisfies Record<string, string | PluralForms>;

/** The forms of a plural string by CLDR plural category; `other` is required, the language says which others. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** The shape of every string table: the keys of `en`, each a string, or plural forms where English has them. */
export type Strings = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends string ? string : PluralForms;
};

/** A key of the string tables. */
export type StringKey = keyof Strings;
