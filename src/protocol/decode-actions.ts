/** Bot actions (`escalateToHuman`, `redirectToContactUs`, …) in their current and legacy shapes. */
import type { InboundFrame } from './frames';
import { asList, collect, type Invalid, invalid, isRecord, LIMITS, own, type Rec, text } from './guards';
import type { ActionModel } from './model';
import { safeRecord } from './safe-record';

/**
 * One action. The id is `id ?? title ?? action ?? actionType` (older hubs name it `title` or `action`;
 * the manual's seed shapes items as `{actionType, details}`), trimmed because ids arrive with trailing
 * spaces. `data` is `data ?? details`.
 */
export function decodeAction(v: unknown): ActionModel | undefined {
  if (!isRecord(v)) return undefined;
  const rawId = own(v, 'id') ?? own(v, 'title') ?? own(v, 'action') ?? own(v, 'actionType');
  if (typeof rawId !== 'string' || rawId.trim() === '') return undefined;
  const data = own(v, 'data') ?? own(v, 'details');
  return {
    id: rawId.trim(),
    data: isRecord(data) ? safeRecord(data) : {},
    type: text(own(v, 'type')) ?? 'normal',
  };
}

/** An `actions` list (or a single action object in its place). */
export function decodeActionList(v: unknown): ActionModel[] {
  return collect(asList(v), LIMITS.actions, decodeAction);
}

/** Concatenates lists, keeping the first action of each id. */
export function mergeActions(...lists: ActionModel[][]): ActionModel[] {
  const seen = new Set<string>();
  const out: ActionModel[] = [];
  for (const list of lists) {
    for (const a of list) {
      if (seen.has(a.id) || out.length >= LIMITS.actions) continue;
      seen.add(a.id);
      out.push(a);
    }
  }
  return out;
}

/** `action` event: `{actions:[…]}`, or the legacy single action at the top of the payload. */
export function decodeActionEvent(p: Rec): InboundFrame | Invalid {
  const listed = decodeActionList(own(p, 'actions'));
  const actions = listed.length > 0 ? listed : decodeActionList(p);
  return actions.length > 0 ? { type: 'action', actions } : invalid('no action with a usable id');
}
