/** The connection status line: its text for a state, and the whole-second countdown to the next attempt. */
import type { ChatState } from '../../store/state';
import type { Translate } from '../context';

export type ConnectionStatus = ChatState['connection']['value'];

/** Whole seconds left until `deadline`, rounded up so the count never shows 0 while time remains. */
export function secondsUntil(deadline: number, now: number): number {
  if (!Number.isFinite(deadline) || !Number.isFinite(now)) return 0;
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** The bar's text, or undefined while connected (no bar). A countdown at 0 means an attempt is running. */
export function statusText(status: ConnectionStatus, seconds: number, t: Translate): string | undefined {
  switch (status.state) {
    case 'connected':
      return undefined;
    case 'reconnecting':
      return seconds > 0 ? t('statusReconnecting', { seconds }) : t('statusConnecting');
    case 'offline':
      return t('statusOffline');
    case 'failed':
      return t('statusFailed');
    default:
      return t('statusConnecting');
  }
}
