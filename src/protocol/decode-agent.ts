/**
 * `conversation_update`: live-agent status changes, and the nested `general_error` some hubs send.
 * No source documents the agent fields (docs/protocol.md §8), so the name and avatar are looked up under
 * every plausible key, and everything else is passed on in `raw`.
 */
import { decodeGeneralError } from './decode-events';
import type { InboundFrame } from './frames';
import { clip, type Invalid, invalid, isRecord, own, type Rec, text } from './guards';
import type { AgentInfo } from './model';
import { safeRecord } from './safe-record';

type AgentStatus = Extract<InboundFrame, { type: 'agent_update' }>['status'];

// A Map, not an object literal: a hub-chosen key like "constructor" must not find anything.
const STATUS = new Map<string, AgentStatus>([
  ['livechatagentconnected', 'connected'],
  ['livechatagentdisconnected', 'disconnected'],
  ['failedagentassignment', 'failed'],
]);

const NAME_KEYS = ['name', 'agentName', 'displayName'] as const;
const AVATAR_KEYS = ['avatar', 'avatarUrl', 'avatar_url', 'image', 'picture'] as const;

export function decodeConversationUpdate(p: Rec): InboundFrame | Invalid {
  const nested = own(p, 'event_payload');
  if (own(p, 'event_type') === 'general_error' && isRecord(nested)) return decodeGeneralError(nested);
  const type = text(own(p, 'type'));
  if (type === undefined) return invalid('conversation_update without a type');
  const status = STATUS.get(type.trim().toLowerCase());
  const conversationId = text(own(p, 'conversation_id'));
  if (status === undefined) {
    // Kept, not dropped: hosts hear of update types that arrive before this client knows them.
    const data = own(p, 'data');
    const update: InboundFrame = {
      type: 'conversation_update',
      updateType: clip(type.trim()),
      data: isRecord(data) ? safeRecord(data) : {},
    };
    if (conversationId !== undefined) update.conversationId = conversationId;
    return update;
  }
  const frame: InboundFrame = { type: 'agent_update', status };
  if (conversationId !== undefined) frame.conversationId = conversationId;
  const agent = decodeAgent(own(p, 'data'));
  if (agent !== undefined) frame.agent = agent;
  return frame;
}

/** Absent when `data` says nothing at all (the usual case for disconnects). */
export function decodeAgent(data: unknown): AgentInfo | undefined {
  if (!isRecord(data)) return undefined;
  const sources = [own(data, 'agentInfo'), own(data, 'agent'), data].filter(isRecord);
  let name: string | undefined;
  let avatar: string | undefined;
  for (const s of sources) {
    name ??= nameOf(s);
    avatar ??= firstText(s, AVATAR_KEYS);
  }
  const raw = safeRecord(data);
  if (name === undefined && avatar === undefined && Object.keys(raw).length === 0) return undefined;
  const agent: AgentInfo = { raw };
  if (name !== undefined) agent.name = name;
  if (avatar !== undefined) agent.avatar = avatar;
  return agent;
}

function nameOf(s: Rec): string | undefined {
  const named = firstText(s, NAME_KEYS);
  if (named !== undefined) return named.trim();
  const full = [text(own(s, 'firstName')), text(own(s, 'lastName'))]
    .filter((x): x is string => x !== undefined)
    .map((x) => x.trim())
    .join(' ');
  return full === '' ? undefined : full;
}

function firstText(s: Rec, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = text(own(s, key));
    if (v !== undefined) return v;
  }
  return undefined;
}
