/**
 * What tabs of one site tell each other (tab-session.ts): the leader relays hub frames, the connection status
 * and delivery states; a follower hands it queued items, conversation starts, retries and requests; any tab
 * tells the others to forget a conversation's outbox; every tab shares what its store says (the visitor's
 * messages, the panel opening). Tabs may run different versions of the widget, so a message is checked
 * before it is believed.
 */
import type { InboundFrame, OutboundFrame } from '../protocol';
import type {
  DeliveryState,
  QueuedItem,
  SessionStatus,
  SessionTrouble,
  StartRequest,
  TabNote,
} from './session';

export type TabMessage =
  | { t: 'frame'; frame: InboundFrame }
  | { t: 'status'; status: SessionStatus }
  | { t: 'delivery'; id: string; state: DeliveryState }
  | { t: 'trouble'; trouble: SessionTrouble }
  | { t: 'note'; note: TabNote }
  | { t: 'enqueue'; item: QueuedItem }
  | { t: 'send'; frame: OutboundFrame }
  | { t: 'start'; request: StartRequest }
  | { t: 'retry'; id: string }
  | { t: 'forget'; conversationId?: string }
  | { t: 'sync' }
  | { t: 'leader' };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
const hasType = (v: unknown): boolean => isObject(v) && typeof v.type === 'string';

/** The field each kind must carry, and how to recognise it. */
const CHECKS: Record<TabMessage['t'], (m: Record<string, unknown>) => boolean> = {
  frame: (m) => hasType(m.frame),
  status: (m) => isObject(m.status) && typeof m.status.state === 'string',
  delivery: (m) => typeof m.id === 'string' && ['sending', 'sent', 'failed'].includes(String(m.state)),
  trouble: (m) => isObject(m.trouble) && (m.trouble.code === 'start_timeout' || m.trouble.code === 'refused'),
  note: (m) => isObject(m.note) && (m.note.t === 'user' || m.note.t === 'open' || m.note.t === 'reset'),
  enqueue: (m) => isObject(m.item) && typeof m.item.id === 'string' && typeof m.item.kind === 'string',
  send: (m) => isObject(m.frame) && isObject(m.frame.event),
  start: (m) => isObject(m.request) && isObject(m.request.identity),
  retry: (m) => typeof m.id === 'string',
  forget: (m) => m.conversationId === undefined || typeof m.conversationId === 'string',
  sync: () => true,
  leader: () => true,
};

const isKind = (t: unknown): t is TabMessage['t'] => typeof t === 'string' && Object.hasOwn(CHECKS, t);

export function isTabMessage(value: unknown): value is TabMessage {
  return isObject(value) && isKind(value.t) && CHECKS[value.t](value);
}
