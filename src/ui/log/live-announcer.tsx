/**
 * The polite live region that announces each new bot, agent and system message once. The log itself cannot
 * be live: it is windowed, so rows enter and leave its DOM as the reader scrolls, and a live log would read
 * those out as if they were new. Messages present when the panel first renders, restored history and the
 * visitor's own messages are not announced. Only the last few announcements stay in the region (older ones
 * were read already).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatMessage } from '../../store/messages';
import { useUi } from '../context';
import { announcement } from './announce-text';
import { isShown } from './grouping';
import { senderLabel } from './sender-label';

const KEEP = 4;

interface Said {
  id: string;
  text: string;
}

/** Messages after `lastId` (all when it is undefined); none when `lastId` is gone (the list was replaced). */
export function messagesAfter(messages: readonly ChatMessage[], lastId: string | undefined): ChatMessage[] {
  if (lastId === undefined) return messages.slice();
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.id === lastId) return messages.slice(i + 1);
  return [];
}

export function LiveAnnouncer({ messages }: { messages: readonly ChatMessage[] }) {
  const { t, options } = useUi();
  const [said, setSaid] = useState<Said[]>([]);
  // The last message already considered; null until the first render has seen what was there before.
  const last = useRef<string | undefined | null>(null);

  useEffect(() => {
    const previous = last.current;
    last.current = messages[messages.length - 1]?.id;
    if (previous === null) return;
    // Newest first, and only as many as the region keeps: a burst of a thousand is not a thousand texts made.
    const after = messagesAfter(messages, previous);
    const fresh: Said[] = [];
    for (let i = after.length - 1; i >= 0 && fresh.length < KEEP; i--) {
      const m = after[i]!;
      if (m.history || m.sender === 'user' || !isShown(m)) continue;
      const name = m.sender === 'system' ? undefined : senderLabel(m.sender, m.senderName, options, t);
      const text = announcement(name, m.parts);
      if (text) fresh.unshift({ id: m.id, text });
    }
    if (fresh.length) setSaid((before) => [...before, ...fresh].slice(-KEEP));
  }, [messages, options, t]);

  return (
    <div class="cc-sr-only" aria-live="polite" aria-relevant="additions text" data-announcer="">
      {said.map((s) => (
        <p key={s.id}>{s.text}</p>
      ))}
    </div>
  );
}
