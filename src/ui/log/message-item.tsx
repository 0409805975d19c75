/**
 * One message: its parts, the avatar beside the first message of a group, and the delivery state of the
 * visitor's messages. Memoised by message identity: appending a message does not re-render the others,
 * and a change of `delivery` or `chosen` re-renders only the small component that reads it.
 */
import type { ChatMessage } from '../../store/messages';
import { useUi } from '../context';
import { ErrorBoundary } from '../error-boundary';
import { memo } from '../memo';
import { Avatar } from './avatar';
import { DeliveryStatus } from './delivery-status';
import { BubbleSender } from './parts/bubble';
import { MessageParts } from './parts/message-parts';

export interface MessageItemProps {
  message: ChatMessage;
  /** The sender's display name. */
  name: string;
  /** First of its group: carries the avatar; later ones name the sender for screen readers only. */
  first: boolean;
  avatar?: string | undefined;
}

function MessageItemView({ message, name, first, avatar }: MessageItemProps) {
  const { store } = useUi();
  const side = message.sender === 'bot' || message.sender === 'agent';
  return (
    <div class="cc-msg" data-sender={message.sender} data-message-id={message.id}>
      {side && (
        <div class="cc-msg-avatar">
          {first && <Avatar kind={message.sender === 'agent' ? 'agent' : 'bot'} src={avatar} name={name} />}
        </div>
      )}
      <div class="cc-msg-body">
        {!first && <span class="cc-sr-only">{name}</span>}
        <ErrorBoundary>
          <BubbleSender.Provider value={message.sender}>
            <MessageParts message={message} name={name} />
          </BubbleSender.Provider>
        </ErrorBoundary>
        {message.delivery && (
          <DeliveryStatus delivery={message.delivery} onRetry={() => store.retryMessage(message.id)} />
        )}
      </div>
    </div>
  );
}

export const MessageItem = memo(MessageItemView);
