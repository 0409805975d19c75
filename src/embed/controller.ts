/**
 * What the loader and the iframe bridge call on a mounted widget: the JS API minus `on`. A command that
 * answers (`getMetadata`) returns a Promise; `runCommand` passes it on so both callers can hand it back.
 */
import { canonicalLocale } from '../i18n/locales';
import type { UserIdentity } from '../protocol';
import { isTheme, type Theme } from '../store/options';

export interface WidgetController {
  open(): void;
  close(): void;
  toggle(): void;
  send(text: string): void;
  sendAction(id: string, data?: Record<string, unknown>): void;
  setMetadata(metadata: Record<string, unknown>): void;
  identify(identity: UserIdentity): void;
  newConversation(): void;
  /** Deletes a conversation (the current one when `id` is omitted; then a new one starts). */
  deleteConversation(id?: string): void;
  /** The hub's metadata of the current conversation (`{}` with none); rejects after 10 s without an answer. */
  getMetadata(): Promise<Record<string, unknown>>;
  /**
   * Switches the language at run time: `locale` takes the configured locale's place in the negotiation
   * (then the browser's languages, then the page's `lang`). Resolves once the panel shows it.
   */
  setLocale(locale: string): Promise<void>;
  /** Switches the colour theme at run time: `light`, `dark` or `auto` (the visitor's system setting). */
  setTheme(theme: Theme): void;
  /**
   * Logout: forgets the conversation, the anonymous id and the identity in every tab of the site, and drops
   * what waited to be sent. The next conversation is a new one, for whoever `identify()` names next.
   */
  reset(): void;
  destroy(): void;
}

export type CommandName = keyof WidgetController;

export const COMMANDS: readonly CommandName[] = [
  'open',
  'close',
  'toggle',
  'send',
  'sendAction',
  'setMetadata',
  'identify',
  'newConversation',
  'deleteConversation',
  'getMetadata',
  'setLocale',
  'setTheme',
  'reset',
  'destroy',
];

/**
 * Validates untrusted command arguments (JS API callers, postMessage) before they reach the store. Returns
 * false for an unknown command or invalid arguments, else true, or the Promise of a command that answers.
 */
export function runCommand(
  controller: WidgetController,
  command: string,
  args: readonly unknown[],
): boolean | Promise<unknown> {
  const [a, b] = args;
  const isObject = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === 'object' && !Array.isArray(v);
  switch (command) {
    case 'open':
    case 'close':
    case 'toggle':
    case 'newConversation':
    case 'reset':
    case 'destroy':
      controller[command]();
      return true;
    case 'getMetadata':
      return controller.getMetadata();
    case 'setLocale':
      if (typeof a !== 'string' || !canonicalLocale(a)) return false;
      return controller.setLocale(a);
    case 'setTheme':
      if (!isTheme(a)) return false;
      controller.setTheme(a);
      return true;
    case 'deleteConversation':
      if (a === undefined) controller.deleteConversation();
      else if (typeof a === 'string' && a) controller.deleteConversation(a);
      else return false;
      return true;
    case 'send':
      if (typeof a !== 'string') return false;
      controller.send(a);
      return true;
    case 'sendAction':
      if (typeof a !== 'string' || !a.trim() || (b !== undefined && !isObject(b))) return false;
      controller.sendAction(a.trim(), isObject(b) ? { ...b } : {});
      return true;
    case 'setMetadata':
      if (!isObject(a)) return false;
      controller.setMetadata(safeCopy(a));
      return true;
    case 'identify': {
      if (!isObject(a)) return false;
      const pick = (k: string) => (typeof a[k] === 'string' ? { [k]: a[k] as string } : {});
      controller.identify({ ...pick('userId'), ...pick('firstName'), ...pick('lastName'), ...pick('email') });
      return true;
    }
    default:
      return false;
  }
}

/** A JSON round trip: drops functions and cycles' reach, and `__proto__` keys, before data goes on the wire. */
function safeCopy(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(value), (k, v) =>
      k === '__proto__' || k === 'constructor' ? undefined : v,
    );
  } catch {
    return {};
  }
}
