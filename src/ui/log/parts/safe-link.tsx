/**
 * A link to a URL from the hub. Only http(s), mailto and tel URLs become links (docs/architecture.md §2); anything else
 * renders as its label text. http(s) links open in a new tab without opener or referrer.
 */
import type { ComponentChildren } from 'preact';
import { isExternalHttp, safeUrl } from '../../../markdown/url-policy';

export interface SafeLinkProps {
  href: string | undefined;
  class?: string;
  /** An accessible name that adds to the visible text (e.g. the card's title). */
  label?: string | undefined;
  title?: string | undefined;
  download?: boolean;
  children: ComponentChildren;
}

export function SafeLink({ href, class: className, label, title, download, children }: SafeLinkProps) {
  const url = safeUrl(href);
  if (!url) return <span class={className ? `${className} cc-unlinked` : 'cc-unlinked'}>{children}</span>;
  const external = isExternalHttp(url);
  return (
    <a
      class={className}
      href={url}
      aria-label={label}
      title={title}
      download={download && external ? '' : undefined}
      target={external ? '_blank' : undefined}
      rel={external ? 'noopener noreferrer' : undefined}
    >
      {children}
    </a>
  );
}
