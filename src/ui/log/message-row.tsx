/**
 * One row of the windowed log: a message, with its group's header (name, agent tag, time) when it starts a
 * group. The row element carries `data-row-id` for measuring and its spacing from the row above (`data-gap`),
 * so its height is the same wherever the window starts. Memoised: rows whose message did not change skip
 * rendering when the list renders for a new message; a message's own signals re-render only that message.
 */
import { formatTime } from '../../i18n';
import type { ChatMessage } from '../../store/messages';
import { useUi } from '../context';
import { memo } from '../memo';
import { MessageItem } from './message-item';
import { senderLabel } from './sender-label';
import { SystemNotice } from './system-notice';

export interface MessageRowProps {
  message: ChatMessage;
  /** Starts a group (see grouping.ts). */
  first: boolean;
  /** Space above: none for the first row, a group's worth, or a row's within a group. */
  gap: 'none' | 'group' | 'row';
  /** Arrived just now: rises into view (rows re-entering the window do not). */
  fresh: boolean;
}

function isoTime(at: number): string | undefined {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function MessageRowView({ message, first, gap, fresh }: MessageRowProps) {
  const { t, options, locale } = useUi();
  const row = {
    class: 'cc-row',
    'data-row-id': message.id,
    'data-gap': gap,
    'data-fresh': fresh ? '' : undefined,
  };
  if (message.sender === 'system') {
    return (
      <div {...row}>
        <SystemNotice message={message} />
      </div>
    );
  }
  const sender = message.sender;
  const name = senderLabel(sender, message.senderName, options, t);
  const avatar = first ? (sender === 'bot' ? (message.avatar ?? options.avatar) : message.avatar) : undefined;
  const time = first ? formatTime(message.at, locale) : '';
  return (
    <div {...row}>
      <div class="cc-group" data-group={sender}>
        {first && (
          <div class="cc-group-meta">
            <bdi class={sender === 'user' ? 'cc-sr-only' : 'cc-group-name'}>{name}</bdi>
            {sender === 'agent' && <span class="cc-tag">{t('senderAgent')}</span>}
            {time && (
              <time class="cc-time" dateTime={isoTime(message.at)}>
                {time}
              </time>
            )}
          </div>
        )}
        <MessageItem message={message} name={name} first={first} avatar={avatar} />
      </div>
    </div>
  );
}

export const MessageRow = memo(MessageRowView);
