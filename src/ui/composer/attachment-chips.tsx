/** The files attached to the message being composed, above the textarea. */

import { useUi } from '../context';
import { AttachmentChip } from './attachment-chip';

export function AttachmentChips() {
  const { store } = useUi();
  const attachments = store.state.attachments.value;
  if (!attachments.length) return null;
  return (
    <ul class="cc-chips">
      {attachments.map((attachment) => (
        <AttachmentChip key={attachment.id} attachment={attachment} />
      ))}
    </ul>
  );
}
