/**
 * A horizontally scrolling carousel of cards with scroll snapping. The list itself is focusable so it can
 * be scrolled with the arrow keys even when no card has a link (axe: scrollable-region-focusable).
 */
import type { Card } from '../../../protocol/model';
import { CardItem } from './card-item';

export function PartCards({ cards }: { cards: Card[] }) {
  if (!cards.length) return null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <ul class="cc-cards" tabIndex={0} data-single={cards.length === 1 ? '' : undefined}>
      {cards.map((card, i) => (
        <CardItem key={i} card={card} />
      ))}
    </ul>
  );
}
