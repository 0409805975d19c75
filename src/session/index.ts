/** The session port (session.ts) and its implementations; `embed/` picks one, the store sees only the port. */

// The store splits long work the way the socket does.
export { type NextTask, nextTask } from '../transport/next-task';
export { createHubSession, type HubSessionDeps, type SessionOptions } from './hub-session';
export { type OutboxItem, tooLargeToSend } from './outbox-item';
export { type Sender, type SenderContext, type SenderFactory, socketSender } from './sender';
export type {
  DeliveryState,
  EnqueueResult,
  QueuedItem,
  RestoredMessage,
  SendMode,
  SendResult,
  SendWay,
  Session,
  SessionListener,
  SessionStatus,
  SessionTrouble,
  SharedUserMessage,
  StartRequest,
  TabNote,
} from './session';
export { createTabSession } from './tab-session';
