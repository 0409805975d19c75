/** One card of a carousel: image, title, description and a link when the URL is safe. */

import { safeImageUrl, safeUrl } from '../../../markdown/url-policy';
import type { Card } from '../../../protocol/model';
import { useUi } from '../../context';
import { SafeLink } from '../parts/safe-link';

export function CardItem({ card }: { card: Card }) {
  const { t } = useUi();
  const image = safeImageUrl(card.imageUrl);
  const link = safeUrl(card.link);
  const title = card.title?.trim();
  return (
    <li class="cc-card">
      {image && (
        <img
          class="cc-card-image"
          src={image}
          alt={title ?? ''}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
        />
      )}
      <div class="cc-card-body" dir="auto">
        {title && <p class="cc-card-title">{title}</p>}
        {card.description && <p class="cc-card-text">{card.description}</p>}
      </div>
      {link && (
        <SafeLink
          href={link}
          class="cc-card-link"
          label={title ? `${t('cardOpenLink')}: ${title}` : undefined}
        >
          {t('cardOpenLink')}
        </SafeLink>
      )}
    </li>
  );
}
