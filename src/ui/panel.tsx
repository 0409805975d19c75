/**
 * The chat panel (`role="dialog"`, named by the title): header, connection status, the log, "talk to a
 * human", the composer, and the drop target for files. Escape anywhere closes it in launcher mode.
 */

import { Composer } from './composer';
import { useUi } from './context';
import { DropOverlay } from './drop-overlay';
import { Header } from './header';
import { HumanButton } from './human-button';
import { MessageList } from './message-list';
import { StatusBar } from './status-bar';
import { useFileDrop } from './use-file-drop';
import { useVisualViewport } from './use-visual-viewport';

export interface PanelProps {
  open: boolean;
  /** Absent in frame mode, where the panel cannot be closed. */
  onClose?: (() => void) | undefined;
}

export function Panel({ open, onClose }: PanelProps) {
  const { store, t, options, mode } = useUi();
  const title = options.title?.trim() || t('headerTitle');
  const drop = useFileDrop(options.attachments ? (files) => store.attachFiles(files) : undefined);
  const viewport = useVisualViewport(mode === 'launcher' && open);

  return (
    <div
      class="cc-panel"
      role="dialog"
      aria-modal="false"
      aria-label={title}
      hidden={!open}
      style={viewport}
      data-dragging={drop.active ? '' : undefined}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !onClose || event.defaultPrevented || event.isComposing) return;
        event.preventDefault();
        onClose();
      }}
      {...drop.handlers}
    >
      <Header title={title} onClose={onClose} />
      <StatusBar />
      <MessageList active={open} />
      <HumanButton />
      <Composer />
      {drop.active && <DropOverlay />}
    </div>
  );
}
