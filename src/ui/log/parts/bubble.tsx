/**
 * A message bubble, with its `part` names for the host page's `::part()` rules: `bubble` on every bubble and
 * `bubble-user`, `bubble-bot` or `bubble-agent` by sender (from the message around it; the welcome message
 * and the typing dots are the bot's).
 */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SenderKind } from '../../../protocol';

export const BubbleSender = createContext<SenderKind>('bot');

export function Bubble({
  extraClass,
  dir,
  children,
}: {
  extraClass?: string;
  dir?: 'auto';
  children: ComponentChildren;
}) {
  const sender = useContext(BubbleSender);
  return (
    <div
      class={extraClass ? `cc-bubble ${extraClass}` : 'cc-bubble'}
      part={`bubble bubble-${sender}`}
      dir={dir}
    >
      {children}
    </div>
  );
}
