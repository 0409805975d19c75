/**
 * A cards part. The carousel (log/cards/) is a chunk of its own, fetched when the first cards part renders;
 * until it arrives an empty box of about a card's height holds the place, so the rows around it hardly move
 * (the window's ResizeObserver keeps the log pinned to its end when the height changes). If the chunk cannot
 * be fetched (offline), the box stays and the chunk is fetched again by the next cards part or when the
 * connection comes back; every waiting part then shows its cards.
 */
import type { Card } from '../../../protocol/model';
import { createLazyChunk, useChunk } from '../../lazy-chunk';

export const cardsChunk = createLazyChunk(() => import('../cards/card-carousel'));

export function PartCards({ cards }: { cards: Card[] }) {
  const wanted = cards.length > 0;
  const chunk = useChunk(cardsChunk, wanted);
  if (!wanted) return null;
  if (chunk) return <chunk.CardCarousel cards={cards} />;
  return <div class="cc-cards-pending" data-image={cards.some((card) => card.imageUrl) ? '' : undefined} />;
}
