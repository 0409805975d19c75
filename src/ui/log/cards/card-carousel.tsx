/**
 * A horizontally scrolling carousel of cards with scroll snapping. The list itself is focusable so it can
 * be scrolled with the arrow keys even when no card has a link (axe: scrollable-region-focusable).
 * A chunk of its own with its styles (parts/part-cards.tsx fetches it): only some bots send cards.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Card } from '../../../protocol/model';
import { adoptPartStyles } from '../../adopt-styles';
import { CardItem } from './card-item';
import cardsCss from './cards.css?inline';

export function CardCarousel({ cards }: { cards: Card[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => adoptPartStyles(listRef.current, cardsCss), []);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <ul class="cc-cards" ref={listRef} tabIndex={0} data-single={cards.length === 1 ? '' : undefined}>
      {cards.map((card, i) => (
        <CardItem key={i} card={card} />
      ))}
    </ul>
  );
}
