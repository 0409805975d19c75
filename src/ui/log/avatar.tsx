/** A round avatar: the image when its URL passes the image policy and loads, else an icon or an initial. */
import { useState } from 'preact/hooks';
import { safeImageUrl } from '../../markdown/url-policy';
import { Icon } from '../icon';

export interface AvatarProps {
  src?: string | undefined;
  /** For the initial of an agent without a picture. */
  name?: string | undefined;
  kind: 'bot' | 'agent';
  size?: 'sm' | 'lg';
}

function initial(name: string | undefined): string {
  const first = name?.trim().codePointAt(0);
  return first === undefined ? '' : String.fromCodePoint(first).toLocaleUpperCase();
}

export function Avatar({ src, name, kind, size = 'sm' }: AvatarProps) {
  const url = safeImageUrl(src);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const letter = kind === 'agent' ? initial(name) : '';
  return (
    <span class={`cc-avatar cc-avatar-${size}`} data-kind={kind} aria-hidden="true">
      {url && failed !== url ? (
        <img
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          onError={() => setFailed(url)}
        />
      ) : letter ? (
        <span class="cc-avatar-letter">{letter}</span>
      ) : (
        <Icon name={kind === 'agent' ? 'person' : 'bot'} />
      )}
    </span>
  );
}
