/**
 * The iframe's postMessage bridge. Commands are accepted only from the parent window and only from an
 * origin in `allowed-origins`; events are posted only to those origins, each with an explicit target origin
 * (never `'*'`). With no allowed origin configured the bridge neither listens nor posts (docs/architecture.md §2).
 *
 * A command that carries an `id` (string or number) gets one reply, posted to the origin that sent it:
 * `{source, type: 'result', id, value}` once it ran (`value` is `getMetadata`'s metadata, else absent), or
 * `{source, type: 'result', id, error}` when its arguments were invalid or it failed.
 */
import type { HostEventName, HostEvents } from '../store/events';
import { runCommand, type WidgetController } from './controller';

const SOURCE = 'captivate-chat';

export interface Bridge {
  post<K extends HostEventName>(event: K, detail: HostEvents[K]): void;
  attach(controller: WidgetController): void;
  close(): void;
}

interface Pending {
  command: string;
  args: unknown[];
  id?: string | number;
  origin: string;
}

export function createBridge(win: Window, allowedOrigins: readonly string[]): Bridge {
  const parent = win.parent !== win ? win.parent : undefined;
  let controller: WidgetController | undefined;
  const pending: Pending[] = [];

  function reply(origin: string, id: string | number, outcome: { value?: unknown; error?: string }): void {
    try {
      parent?.postMessage({ source: SOURCE, type: 'result', id, ...outcome }, origin);
    } catch {
      // An uncloneable value: report that instead of losing the reply.
      parent?.postMessage({ source: SOURCE, type: 'result', id, error: 'uncloneable result' }, origin);
    }
  }

  function run(target: WidgetController, { command, args, id, origin }: Pending): void {
    const result = runCommand(target, command, args);
    if (id === undefined) return;
    if (result === false) {
      reply(origin, id, { error: `${command}: invalid command or arguments` });
      return;
    }
    Promise.resolve(result).then(
      (value) => reply(origin, id, value === true ? {} : { value }),
      (error: unknown) =>
        reply(origin, id, { error: error instanceof Error ? error.message : String(error) }),
    );
  }

  function onMessage(event: MessageEvent): void {
    if (!parent || event.source !== parent || !allowedOrigins.includes(event.origin)) return;
    const data: unknown = event.data;
    if (!data || typeof data !== 'object') return;
    const { source, type, command, args, id } = data as Record<string, unknown>;
    if (source !== SOURCE || type !== 'command' || typeof command !== 'string') return;
    const call: Pending = { command, args: Array.isArray(args) ? args : [], origin: event.origin };
    if (typeof id === 'string' || typeof id === 'number') call.id = id;
    if (controller) run(controller, call);
    else pending.push(call);
  }

  if (parent && allowedOrigins.length) win.addEventListener('message', onMessage);

  return {
    post(event, detail) {
      if (!parent) return;
      for (const origin of allowedOrigins) {
        try {
          parent.postMessage({ source: SOURCE, type: 'event', event, detail }, origin);
        } catch {
          // Uncloneable detail (never expected: details are plain data); one event lost is not worth a crash.
        }
      }
    },
    attach(next) {
      controller = next;
      for (const call of pending.splice(0)) run(next, call);
    },
    close() {
      win.removeEventListener('message', onMessage);
    },
  };
}
