/** A system notice (agent joined, errors): a centred line in the log, errors styled apart. */
import type { ChatMessage } from '../../store/messages';
import { messageText } from '../../store/messages';
import { Icon } from '../icon';
import { memo } from '../memo';

function SystemNoticeView({ message }: { message: ChatMessage }) {
  const error = message.tone === 'error';
  return (
    <div
      class="cc-notice"
      data-sender="system"
      data-message-id={message.id}
      data-tone={error ? 'error' : 'info'}
    >
      {error && <Icon name="alert" class="cc-icon-sm" />}
      <span>{messageText(message.parts)}</span>
    </div>
  );
}

export const SystemNotice = memo(SystemNoticeView);
