/**
 * The conversation as plain text, for "Download transcript": one line per message, `[time] Sender: text`.
 * Files appear as their names and buttons, cards and links as their titles, so the file reads on its own.
 * A message of several lines keeps its line breaks, its continuation lines indented, so every line that
 * starts with `[` starts a message.
 */
import type { MessagePart } from '../protocol';
import { type ChatMessage, isVisible } from './messages';
import type { Translate } from './store-deps';

const SENDER_KEYS = {
  user: 'senderUser',
  bot: 'senderBot',
  agent: 'senderAgent',
  system: 'senderSystem',
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as `YYYY-MM-DD HH:MM`: sortable, and the same in every locale. */
export function formatStamp(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function partText(part: MessagePart, t: Translate): string[] {
  switch (part.kind) {
    case 'text':
      return part.text ? [part.text] : [];
    case 'md':
      return [part.md];
    case 'html':
      // Tags dropped, not interpreted: this text is never rendered, only saved.
      return [part.html.replace(/<[^>]*>/g, '')];
    case 'files':
      return part.files.map((f) => `[${f.name ?? t('fileUnnamed')}]`);
    case 'choices':
      return [[part.title, ...part.options.map((o) => `[${o.label}]`)].filter(Boolean).join(' ')];
    case 'links':
      return [[part.title, ...part.links.map((l) => `[${l.title}] ${l.url}`)].filter(Boolean).join(' ')];
    case 'cards':
      return part.cards.map((c) => [c.title, c.description, c.link].filter(Boolean).join(' — '));
    default:
      return [];
  }
}

export function transcriptText(messages: readonly ChatMessage[], t: Translate): string {
  const lines: string[] = [];
  for (const message of messages) {
    if (!isVisible(message.parts)) continue;
    const sender =
      message.sender === 'user' ? t('senderUser') : (message.senderName ?? t(SENDER_KEYS[message.sender]));
    const body = message.parts
      .flatMap((p) => partText(p, t))
      .join('\n')
      .replace(/\r\n?/g, '\n')
      .replace(/\n/g, '\n  ');
    lines.push(`[${formatStamp(message.at)}] ${sender}: ${body}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `chat-transcript-<first 8 characters of the id>.txt`, or a dated name before the hub gave an id. */
export function transcriptFileName(conversationId: string | undefined, at: number): string {
  const tag = conversationId?.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8) || formatStamp(at).slice(0, 10);
  return `chat-transcript-${tag}.txt`;
}
