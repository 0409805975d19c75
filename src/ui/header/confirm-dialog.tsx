/**
 * Asks before something that cannot be undone (deleting conversations): an `alertdialog` over the panel,
 * named by the request's title and described by its message, with Cancel and Confirm. Focus starts on
 * Cancel, the safe choice; Tab cycles between the two buttons; Escape cancels.
 * Afterwards focus goes where the request says, by default back to the conversation menu button.
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';
import { adoptPartStyles } from '../adopt-styles';
import { type ConfirmRequest, useUi } from '../context';
import menuCss from './menu.css?inline';

export function ConfirmDialog({ request }: { request: ConfirmRequest }) {
  const ui = useUi();
  const { t } = ui;
  const titleId = useId();
  const messageId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => adoptPartStyles(cancelRef.current, menuCss), []);

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  function finish(confirmed: boolean): void {
    ui.confirm.value = undefined;
    if (confirmed) request.onConfirm();
    else (request.onCancel ?? ui.focusMenu)();
  }

  return (
    <div class="cc-confirm-backdrop">
      <div
        class="cc-confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            // Only the dialog closes, not the history view or the panel behind it.
            event.preventDefault();
            event.stopPropagation();
            finish(false);
          } else if (event.key === 'Tab') {
            event.preventDefault();
            const next = event.target === cancelRef.current ? confirmRef : cancelRef;
            next.current?.focus();
          }
        }}
      >
        <h3 id={titleId} class="cc-confirm-title">
          {request.title}
        </h3>
        <p id={messageId} class="cc-confirm-message">
          {request.message}
        </p>
        <div class="cc-confirm-actions">
          <button type="button" class="cc-confirm-cancel" ref={cancelRef} onClick={() => finish(false)}>
            {t('cancel')}
          </button>
          <button type="button" class="cc-confirm-ok" ref={confirmRef} onClick={() => finish(true)}>
            {t('confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
