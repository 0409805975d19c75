/**
 * The iframe's postMessage bridge. Commands are accepted only from the parent window and only from an
 * origin in `allowed-origins`; events are posted only to those origins, each with an explicit target origin
 * (never `'*'`). With no allowed origin configured the bridge neither listens nor posts (DESIGN.md §2).
 */
import type { HostEventName, HostEvents } from '../store/events';
import { runCommand, type WidgetController } from './controller';

const SOURCE = 'captivate-chat';

export interface Bridge {
  post<K extends HostEventName>(event: K, detail: HostEvents[K]): void;
  attach(controller: WidgetController): void;
  close(): void;
}

export function createBridge(win: Window, allowedOrigins: readonly string[]): Bridge {
  const parent = win.parent !== win ? win.parent : undefined;
  let controller: WidgetController | undefined;
  const pending: Array<[string, unknown[]]> = [];

  function onMessage(event: MessageEvent): void {
    if (!parent || event.source !== parent || !allowedOrigins.includes(event.origin)) return;
    const data: unknown = event.data;
    if (!data || typeof data !== 'object') return;
    const { source, type, command, args } = data as Record<string, unknown>;
    if (source !== SOURCE || type !== 'command' || typeof command !== 'string') return;
    const list = Array.isArray(args) ? args : [];
    if (controller) runCommand(controller, command, list);
    else pending.push([command, list]);
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
      for (const [command, args] of pending.splice(0)) runCommand(next, command, args);
    },
    close() {
      win.removeEventListener('message', onMessage);
    },
  };
}
