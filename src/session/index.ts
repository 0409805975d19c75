/** The session port (session.ts) and its implementations; `embed/` picks one, the store sees only the port. */
export {
  createHubSession,
  type HubSessionDeps,
  type Sender,
  type SenderContext,
  type SenderFactory,
  type SessionOptions,
  socketSender,
} from './hub-session';
export { type OutboxItem, tooLargeToSend } from './outbox-item';
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
