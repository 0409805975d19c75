/** The name shown for a sender: the agent's own name, the configured title for the bot. */
import type { SenderKind } from '../../protocol/model';
import type { ChatOptions } from '../../store/options';
import type { Translate } from '../context';

export function senderLabel(
  sender: SenderKind,
  senderName: string | undefined,
  options: Pick<ChatOptions, 'title'>,
  t: Translate,
): string {
  switch (sender) {
    case 'user':
      return t('senderUser');
    case 'agent':
      return senderName?.trim() || t('senderAgent');
    case 'system':
      return t('senderSystem');
    default:
      return options.title?.trim() || t('senderBot');
  }
}
