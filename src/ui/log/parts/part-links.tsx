/** Link buttons: safe URLs become links (new tab for http/https), anything else stays label text. */

import { isExternalHttp, safeUrl } from '../../../markdown/url-policy';
import type { LinkButton } from '../../../protocol/model';
import { Icon } from '../../icon';
import { Bubble } from './bubble';
import { SafeLink } from './safe-link';

export function PartLinks({ title, links }: { title?: string | undefined; links: LinkButton[] }) {
  return (
    <div class="cc-links">
      {title && (
        <Bubble dir="auto">
          <p class="cc-plain">{title}</p>
        </Bubble>
      )}
      <ul class="cc-link-list">
        {links.map((link, i) => (
          <li key={i}>
            <SafeLink href={link.url} class="cc-link-button">
              <bdi>{link.title}</bdi>
              {isExternalHttp(safeUrl(link.url)) && <Icon name="external" class="cc-icon-sm" />}
            </SafeLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
