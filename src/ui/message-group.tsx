/**
 * Consecutive messages of one sender: a header with the name (agents visibly tagged) and the time, then the
 * messages. System notices are not grouped. Skips rendering while its messages are the same ones.
 */
import { formatTime } from '../i18n';
import { useUi } from './context';
import { type MessageGroupModel, sameGroup } from './grouping';
import { memo } from './memo';
import { MessageItem } from './message-item';
import { senderLabel } from './sender-label';
import { SystemNotice } from './system-notice';

function isoTime(at: number): string | undefined {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function MessageGroupView({ group }: { group: MessageGroupModel }) {
  const { t, options, locale } = useUi();
  if (group.sender === 'system') {
    return (
      <>
        {group.messages.map((m) => (
          <SystemNotice key={m.id} message={m} />
        ))}
      </>
    );
  }
  const first = group.messages[0];
  const name = senderLabel(group.sender, group.senderName ?? first?.senderName, options, t);
  const avatar = group.sender === 'bot' ? (first?.avatar ?? options.avatar) : first?.avatar;
  const time = formatTime(group.at, locale);
  return (
    <div class="cc-group" data-group={group.sender}>
      <div class="cc-group-meta">
        <span class={group.sender === 'user' ? 'cc-sr-only' : 'cc-group-name'}>{name}</span>
        {group.sender === 'agent' && <span class="cc-tag">{t('senderAgent')}</span>}
        {time && (
          <time class="cc-time" dateTime={isoTime(group.at)}>
            {time}
          </time>
        )}
      </div>
      {group.messages.map((message, i) => (
        <MessageItem
          key={message.id}
          message={message}
          name={name}
          first={i === 0}
          avatar={i === 0 ? avatar : undefined}
        />
      ))}
    </div>
  );
}

export const MessageGroup = memo(MessageGroupView, (a, b) => sameGroup(a.group, b.group));
