/** The configured welcome text, shown as the bot's first bubble. Not a message: no `data-sender`, no events. */

import { useUi } from '../context';
import { Avatar } from './avatar';
import { Bubble } from './parts/bubble';
import { Markup } from './parts/markup';
import { senderLabel } from './sender-label';

export function WelcomeMessage({ text }: { text: string }) {
  const { t, options } = useUi();
  const name = senderLabel('bot', undefined, options, t);
  return (
    <div class="cc-group" data-group="bot" data-welcome="">
      <div class="cc-group-meta">
        <bdi class="cc-group-name">{name}</bdi>
      </div>
      <div class="cc-msg">
        <div class="cc-msg-avatar">
          <Avatar kind="bot" src={options.avatar} />
        </div>
        <div class="cc-msg-body">
          <Bubble dir="auto">
            <Markup source={text} />
          </Bubble>
        </div>
      </div>
    </div>
  );
}
