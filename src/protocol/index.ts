/** The wire protocol: decode hub frames into the model, build client frames, make client ids. */
export { decode, KNOWN_INBOUND_EVENTS } from './decode';
export { linkExpiry } from './decode-files';
export { type AnswerDecode, decodeHttpAnswer, decodeRestTranscript } from './decode-http';
export { decodeParts } from './decode-parts';
export { decodeStoredMessage, type StoredMessage } from './decode-stored';
export {
  action,
  botFirstMessage,
  conversationStart,
  deleteAllConversations,
  deleteConversation,
  deleteUserConversations,
  editMessage,
  getUserConversations,
  getUserConversationsV2,
  type MetadataTarget,
  metadata,
  metadataRequest,
  transcriptRequest,
  userMessage,
  withSocketId,
} from './encode';
export type { UserContent } from './encode-content';
export type {
  DecodeResult,
  InboundFrame,
  InboundType,
  OutboundFrame,
  OutboundType,
  Rejection,
  RejectReason,
  UserIdentity,
  UserMessageInput,
} from './frames';
export { isUuidV4, newClientMsgId } from './ids';
export type {
  ActionModel,
  AgentInfo,
  Card,
  ChoiceOption,
  ConversationSummary,
  FileRef,
  LinkButton,
  MessagePart,
  OutgoingFile,
  Pagination,
  SenderKind,
  TranscriptEntry,
} from './model';
export { safeRecord } from './safe-record';
export { frameByteLength, MAX_FRAME_BYTES, serialize, toWire, type WireText } from './serialize';
