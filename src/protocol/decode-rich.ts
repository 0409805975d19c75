/** Quick-reply buttons, link buttons and cards (docs/protocol.md §4). */
import { asList, collect, isRecord, LIMITS, own, text } from './guards';
import type { Card, ChoiceOption, LinkButton, MessagePart } from './model';

type ButtonsPart = Extract<MessagePart, { kind: 'choices' } | { kind: 'links' }>;

/**
 * `button`/`buttons` parts: `buttons.options` are quick replies, `buttons.buttons` are links. Both names
 * are tried because hubs mix them; a part with no usable entry yields nothing.
 */
export function decodeButtons(part: unknown): ButtonsPart | undefined {
  const b = own(part, 'buttons');
  const title = text(own(b, 'title')) ?? text(own(part, 'title'));
  const candidates = isRecord(b)
    ? [own(b, 'options'), own(b, 'buttons')]
    : Array.isArray(b)
      ? [b]
      : [own(part, 'options')];
  for (const list of candidates) {
    if (!Array.isArray(list)) continue;
    const options = collect(list, LIMITS.options, decodeOption);
    if (options.length > 0) return withTitle({ kind: 'choices', options }, title);
    const links = collect(list, LIMITS.links, decodeLink);
    if (links.length > 0) return withTitle({ kind: 'links', links }, title);
  }
  return undefined;
}

function withTitle<T extends ButtonsPart>(part: T, title: string | undefined): T {
  if (title !== undefined) part.title = title;
  return part;
}

/** Labels and values are sent as text, so a number is as good as a string here. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return text(v);
}

function decodeOption(v: unknown): ChoiceOption | undefined {
  if (typeof v === 'string') return text(v) === undefined ? undefined : { label: v, value: v };
  const label = scalar(own(v, 'label'));
  const value = scalar(own(v, 'value'));
  if (label === undefined && value === undefined) return undefined;
  return { label: label ?? value ?? '', value: value ?? label ?? '' };
}

function decodeLink(v: unknown): LinkButton | undefined {
  const url = text(own(v, 'url'));
  if (url === undefined) return undefined;
  return { title: text(own(v, 'title')) ?? text(own(v, 'label')) ?? url, url };
}

export function decodeCards(part: unknown): Extract<MessagePart, { kind: 'cards' }> | undefined {
  let c = own(part, 'cards');
  // `cards` may be wrapped again as `{type:'cards', cards:[…]}`.
  for (let i = 0; i < LIMITS.nesting && isRecord(c) && own(c, 'cards') !== undefined; i++)
    c = own(c, 'cards');
  const cards = collect(asList(c), LIMITS.cards, decodeCard);
  return cards.length > 0 ? { kind: 'cards', cards } : undefined;
}

function decodeCard(v: unknown): Card | undefined {
  if (!isRecord(v)) return undefined;
  const card: Card = {};
  const title = text(own(v, 'text')) ?? text(own(v, 'title'));
  const description = text(own(v, 'description'));
  const imageUrl = text(own(v, 'image_url')) ?? text(own(v, 'imageUrl'));
  const link = text(own(v, 'link'));
  if (title !== undefined) card.title = title;
  if (description !== undefined) card.description = description;
  if (imageUrl !== undefined) card.imageUrl = imageUrl;
  if (link !== undefined) card.link = link;
  return Object.keys(card).length > 0 ? card : undefined;
}
