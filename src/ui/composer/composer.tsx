/**
 * The composer form: attachment chips, an autosizing textarea (Enter sends, Shift+Enter adds a line, never
 * while an IME composition runs), attach and send buttons, and the composer error. It works while offline:
 * the store queues what is sent.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { useUi } from '../context';
import { Icon } from '../icon';
import { AttachmentChips, prepareAttachments } from './attachment-chips';
import { withCleanNames } from './clean-files';
import { useAutosize } from './use-autosize';

/** keyCode 229: a key event that belongs to an IME composition (Safari reports isComposing late). */
const IME_KEY_CODE = 229;

export function Composer() {
  const { store, t, options, composerRef, focusComposer } = useUi();
  const [text, setText] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useAutosize(composerRef, text);

  const attachments = store.state.attachments.value;
  const uploading = attachments.some((a) => a.status.value === 'uploading');
  const ready = attachments.some((a) => a.status.value === 'done');
  const canSend = !uploading && (text.trim() !== '' || ready);
  const error = store.state.composerError.value;

  function send(): void {
    if (canSend && store.sendText(text)) setText('');
    focusComposer();
  }

  function attach(files: FileList | null | undefined): void {
    if (files?.length) store.attachFiles(withCleanNames(files));
  }

  return (
    <form
      class="cc-composer"
      part="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <AttachmentChips />
      <div class="cc-composer-box">
        {options.attachments && (
          <>
            <button
              type="button"
              class="cc-icon-button cc-attach"
              aria-label={t('attachFile')}
              title={t('attachFile')}
              onClick={() => {
                prepareAttachments(store);
                fileRef.current?.click();
              }}
            >
              <Icon name="attach" />
            </button>
            <input
              ref={fileRef}
              type="file"
              multiple
              accept={options.accept}
              hidden
              tabIndex={-1}
              aria-hidden="true"
              onChange={(event) => {
                attach(event.currentTarget.files);
                // The same file picked again must fire `change` again.
                event.currentTarget.value = '';
              }}
            />
          </>
        )}
        <textarea
          ref={composerRef}
          class="cc-textarea"
          rows={1}
          value={text}
          aria-label={t('composerLabel')}
          placeholder={t('composerPlaceholder')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          enterkeyhint="send"
          onInput={(event) => {
            setText(event.currentTarget.value);
            if (store.state.composerError.value !== undefined) store.state.composerError.value = undefined;
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey) return;
            if (event.isComposing || event.keyCode === IME_KEY_CODE) return;
            event.preventDefault();
            send();
          }}
          onPaste={(event) => {
            const data = event.clipboardData;
            // Text wins: rich copies (office apps) carry a picture of the selection as well.
            if (!options.attachments || !data?.files.length || data.types.includes('text/plain')) return;
            event.preventDefault();
            attach(data.files);
          }}
        />
        <button type="submit" class="cc-send" aria-label={t('send')} title={t('send')} disabled={!canSend}>
          <Icon name="send" />
        </button>
      </div>
      {error && (
        <p id={errorId} class="cc-composer-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
