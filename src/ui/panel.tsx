/**
 * The chat panel (`role="dialog"`, named by the title): header, connection status, the log, "talk to a
 * human", the composer, and the drop target for files. Escape anywhere closes it in launcher mode.
 * Full screen (a phone) it is modal: focus stays inside, the page behind does not scroll, and Back closes it.
 *
 * The history view takes the chat's place; the chat stays mounted but hidden meanwhile (its wrapper is
 * `display: contents`, so the layout is unchanged), keeping the draft and the scroll position. A pending
 * confirmation shows as a dialog over everything.
 */

import { prepareAttachments } from './composer/attachment-chips';
import { withCleanNames } from './composer/clean-files';
import { Composer } from './composer/composer';
import { DropOverlay } from './composer/drop-overlay';
import { HumanButton } from './composer/human-button';
import { UnsentNotice } from './composer/unsent-notice';
import { useFileDrop } from './composer/use-file-drop';
import { useUi } from './context';
import { trapTab } from './focus-trap';
import { Header } from './header/header';
import { LazyConfirmDialog } from './header/lazy-menu';
import { StatusBar } from './header/status-bar';
import { LazyHistoryPanel } from './history/lazy-history';
import { MessageList } from './log/message-list';
import { useBackToClose } from './phone/use-back-to-close';
import { useFullScreen } from './phone/use-full-screen';
import { useScrollLock } from './phone/use-scroll-lock';
import { useVisualViewport } from './phone/use-visual-viewport';

export interface PanelProps {
  open: boolean;
  /** Absent in frame mode, where the panel cannot be closed. */
  onClose?: (() => void) | undefined;
}

export function Panel({ open, onClose }: PanelProps) {
  const { store, t, options, mode, view: viewSignal, confirm: confirmSignal } = useUi();
  const view = viewSignal.value;
  const confirm = confirmSignal.value;
  const title = options.title?.trim() || t('headerTitle');
  const drop = useFileDrop(
    options.attachments
      ? {
          prepare: () => prepareAttachments(store),
          attach: (files) => store.attachFiles(withCleanNames(files)),
        }
      : undefined,
  );
  const fullScreen = useFullScreen(mode === 'launcher' && open);
  const viewport = useVisualViewport(fullScreen);
  useScrollLock(fullScreen, globalThis.document);
  useBackToClose(fullScreen && !!onClose, globalThis.window, () => onClose?.());

  return (
    <div
      class="cc-panel"
      part="panel"
      role="dialog"
      aria-modal={fullScreen ? 'true' : 'false'}
      aria-label={title}
      hidden={!open}
      style={viewport}
      data-dragging={drop.active ? '' : undefined}
      onKeyDown={(event) => {
        if (fullScreen) trapTab(event, event.currentTarget);
        if (event.key !== 'Escape' || !onClose || event.defaultPrevented || event.isComposing) return;
        event.preventDefault();
        onClose();
      }}
      {...drop.handlers}
    >
      <Header title={title} onClose={onClose} />
      <StatusBar />
      {view === 'history' && <LazyHistoryPanel />}
      <div class="cc-chat-view" hidden={view !== 'chat'}>
        <MessageList active={open && view === 'chat'} />
        <UnsentNotice />
        <HumanButton />
        <Composer />
      </div>
      {confirm && <LazyConfirmDialog request={confirm} />}
      {drop.active && <DropOverlay />}
    </div>
  );
}
