/**
 * Seeding a conversation with stored messages, so a client's transcript restore of a long conversation can
 * be tested and benchmarked without sending thousands of frames first. Either explicit messages, or `count`
 * generated ones: visitor questions (plain text) alternating with bot answers in varied markdown, each
 * different (the index is in the text) so no cache can make a long transcript look cheap.
 */
import type { Conversation, ConversationStore, Sender } from './conversations';
import { isObject, type Json } from './wire';

export interface SeedMessage {
  from: Sender;
  /** Wire content parts (`{type:'text', text}`, `{type:'md', md}`, …). */
  content: unknown[];
}

export interface SeedRequest {
  /** Append to this conversation; a new one is created when absent. */
  conversationId?: string;
  userId?: string | null;
  messages?: SeedMessage[];
  /** Generate this many messages (after `messages`). */
  count?: number;
}

/** Upper bound on one seed, so a typo cannot exhaust the emulator's memory. */
export const MAX_SEED_MESSAGES = 100_000;

const ANSWERS: ((n: number) => string)[] = [
  (n) => `**Answer ${n}.** Reset it from *Settings → Security*, then sign in again.`,
  (n) =>
    `Here are the steps for case ${n}:\n\n1. Open **Billing**\n2. Pick the invoice\n3. Press \`Download\``,
  (n) => `See [the guide #${n}](https://docs.example.com/guide/${n}) for details, or reply _agent_.`,
  (n) => `Order ${n} ships in **2–3 days**.\n\n- tracking by email\n- changes until dispatch`,
  (n) => `Try this (ref ${n}):\n\n\`\`\`\ncurl https://api.example.com/v1/items/${n}\n\`\`\``,
  (n) => `> Your plan includes ${n % 50} seats.\n\nUpgrade any time from the **Plans** page.`,
];

/** The n-th generated message (0-based): even ones from the visitor, odd ones from the bot. */
export function generatedMessage(n: number): SeedMessage {
  if (n % 2 === 0) {
    const long = n % 6 === 0 ? ' I tried the usual steps already and it still does not work for me.' : '';
    return { from: 'user', content: [{ type: 'text', text: `Question ${n}: how do I fix this?${long}` }] };
  }
  const answer = ANSWERS[Math.floor(n / 2) % ANSWERS.length]!;
  return { from: 'bot', content: [{ type: 'text', text: answer(n) }] };
}

/** Validates an untrusted request body; returns an error message or the request. */
export function parseSeedRequest(input: Json): SeedRequest | string {
  const messages = input.messages ?? [];
  if (!Array.isArray(messages)) return 'messages must be an array';
  for (const m of messages) {
    if (!isObject(m) || (m.from !== 'user' && m.from !== 'bot' && m.from !== 'agent'))
      return 'each message needs from: "user" | "bot" | "agent"';
    if (!Array.isArray(m.content)) return 'each message needs content: [parts]';
  }
  const count = Number(input.count ?? 0);
  if (!Number.isInteger(count) || count < 0) return 'count must be an integer >= 0';
  if (count + messages.length > MAX_SEED_MESSAGES) return `at most ${MAX_SEED_MESSAGES} messages`;
  const conversationId = typeof input.conversationId === 'string' ? input.conversationId : undefined;
  const userId = typeof input.userId === 'string' ? input.userId : undefined;
  return {
    messages: messages as SeedMessage[],
    count,
    ...(conversationId ? { conversationId } : {}),
    ...(userId ? { userId } : {}),
  };
}

/** Applies a seed; returns the conversation, or undefined when `conversationId` names none. */
export function seedConversation(store: ConversationStore, request: SeedRequest): Conversation | undefined {
  const conv = request.conversationId
    ? store.get(request.conversationId)
    : store.create({ userId: request.userId ?? null, userBasicInfo: null, metadata: {} });
  if (!conv) return undefined;
  const add = (m: SeedMessage) => store.addMessage(conv, { from: m.from, parts: m.content });
  for (const m of request.messages ?? []) add(m);
  const start = conv.messages.length;
  for (let i = 0; i < (request.count ?? 0); i++) add(generatedMessage(start + i));
  return conv;
}
