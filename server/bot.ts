/**
 * The scripted demo bot: maps what the user said to steps (bot messages, a 413 large message, an
 * error, an action frame, an escalation). Keywords are case-insensitive whole words, so the quick-reply
 * values and labels ("Show cards", "Chat to an agent") match too. Pure: the flow module runs the steps.
 */
import * as content from './bot-content';
import type { Json } from './wire';

export type BotStep =
  | { kind: 'say'; parts: unknown[]; actions?: Json[] }
  | { kind: 'large'; parts: unknown[] }
  | { kind: 'error'; code: number; desc: string }
  | { kind: 'action'; payload: Json }
  | { kind: 'escalate' };

const say = (...parts: unknown[]): BotStep => ({ kind: 'say', parts });

export const ESCALATE_ACTION: Json = { type: 'normal', title: 'escalateToHuman' };

/** The bot's words when the user asks for a human (as in the example transcript). */
export const escalationSteps = (): BotStep[] => [
  {
    kind: 'say',
    parts: [{ type: 'text', text: 'Please wait while I connect you to the support team.' }],
    actions: [ESCALATE_ACTION],
  },
  { kind: 'escalate' },
];

type Rule = [RegExp, (base: string) => BotStep[]];

const RULES: Rule[] = [
  [/\b(agent|human|operator)\b/, escalationSteps],
  [/\b(hi|hello|menu|start)\b/, () => [say(...content.greeting())]],
  [/\bhelp\b/, () => [say(content.helpText())]],
  [/\bmarkdown\b/, (base) => [say(content.markdownText(base))]],
  [/\bcards?\b/, (base) => [say({ type: 'text', text: 'Here are some cards:' }, content.cards(base))]],
  [/\b(file|pdf)\b/, (base) => [say(content.pdfFile(base))]],
  [/\b(image|picture|photo)\b/, (base) => [say(content.imageFile(base))]],
  [/\blinks?\b/, (base) => [say({ type: 'text', text: 'Some useful links:' }, content.linkButtons(base))]],
  [/\bpause\b/, () => [say(...content.pauseParts())]],
  [/\bhtml\b/, () => [say(...content.htmlParts())]],
  [/\bmd\b/, () => [say(...content.mdParts())]],
  [/\bnested\b/, (base) => [say(...content.nestedParts(base))]],
  [/\blong\b/, () => [{ kind: 'large', parts: content.largeParts() }]],
  [
    /\baction\b/,
    (base) => [
      say({ type: 'text', text: 'Sending you an action frame (redirectToContactUs).' }),
      {
        kind: 'action',
        payload: { actions: [{ id: 'redirectToContactUs ', data: { url: `${base}/pages/contact` } }] },
      },
    ],
  ],
  [
    /\berror\b/,
    () => [{ kind: 'error', code: 400, desc: 'Demo error: this is how the hub reports a problem' }],
  ],
];

/** The greeting that answers the bot-first empty message. */
export const greetingSteps = (): BotStep[] => [say(...content.greeting())];

/** The bot's answer to a user message: attached files are acknowledged, else the first keyword rule, else an echo. */
export function botReply(text: string, fileNames: readonly string[], base: string): BotStep[] {
  if (fileNames.length > 0) return [say(content.filesReceived(fileNames))];
  const said = text.trim().toLowerCase();
  const rule = said === '' ? undefined : RULES.find(([pattern]) => pattern.test(said));
  if (rule) return rule[1](base);
  return [say(content.echo(text.trim()))];
}
