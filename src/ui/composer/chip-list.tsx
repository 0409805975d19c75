/**
 * The files attached to the message being composed, above the textarea. A chunk of its own with its styles
 * (attachment-chips.tsx fetches it): most visitors never attach a file.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Attachment } from '../../store/attachments';
import { adoptPartStyles } from '../adopt-styles';
import { AttachmentChip } from './attachment-chip';
import attachmentsCss from './attachments.css?inline';

export function ChipList({ attachments }: { attachments: Attachment[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => adoptPartStyles(listRef.current, attachmentsCss), []);
  return (
    <ul class="cc-chips" ref={listRef}>
      {attachments.map((attachment) => (
        <AttachmentChip key={attachment.id} attachment={attachment} />
      ))}
    </ul>
  );
}
