/**
 * The root component the embed renders inside the shadow root (or the iframe page). In launcher mode the
 * panel mounts on first open and then stays mounted but hidden while closed, so a draft and the scroll
 * position survive closing; in frame and inline modes it is always shown, filling its box, without a close button.
 *
 * Focus: opening moves focus to the composer (not on load with `open: true`, which must not steal focus
 * from the host page); closing with the close button or Escape calls `onClosed` so the embed can move focus
 * back to the launcher.
 */
import { signal } from '@preact/signals';
import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import type { TextDirection } from '../i18n';
import type { ChatStore } from '../store/chat-store';
import type { ChatOptions } from '../store/options';
import {
  type ConfirmRequest,
  type PanelView,
  type Translate,
  UiContext,
  type UiContextValue,
  type UiMode,
} from './context';
import { Panel } from './panel';

export interface AppProps {
  store: ChatStore;
  t: Translate;
  dir: TextDirection;
  /** The language of the strings, for the `lang` attribute (screen readers pick their voice by it). */
  lang?: string;
  /** A canonical BCP 47 tag, for formatting times and sizes. */
  locale: string;
  options: ChatOptions;
  mode: UiMode;
  /** Called after the panel closed itself (close button, Escape). */
  onClosed?: () => void;
}

export function App({ store, t, dir, lang, locale, options, mode, onClosed }: AppProps) {
  const open = mode !== 'launcher' || store.state.open.value;
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const afterView = useRef<(() => void) | undefined>(undefined);
  const mounted = useRef(open);
  if (open) mounted.current = true;

  // The panel's own state outlives a language switch (which gives the context new strings).
  const panelState = useMemo(
    () => ({
      view: signal<PanelView>('chat'),
      confirm: signal<ConfirmRequest | undefined>(undefined),
    }),
    [],
  );
  const context = useMemo<UiContextValue>(() => {
    const { view, confirm } = panelState;
    return {
      store,
      t,
      locale,
      options,
      mode,
      composerRef,
      focusComposer: () => composerRef.current?.focus(),
      menuButtonRef,
      focusMenu: () => menuButtonRef.current?.focus(),
      view,
      showView(next, focus) {
        if (view.value === next) {
          focus?.();
          return;
        }
        afterView.current = focus;
        view.value = next;
      },
      confirm,
    };
  }, [store, t, locale, options, mode, panelState]);

  // Runs the focus move a view switch asked for, now that the new view is rendered.
  const view = context.view.value;
  useEffect(() => {
    const focus = afterView.current;
    afterView.current = undefined;
    focus?.();
  }, [view]);

  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;
  const close = useCallback(() => {
    store.setOpen(false);
    onClosedRef.current?.();
  }, [store]);

  // Opened by configuration on load: focus stays on the host page. Opened by the visitor before the panel
  // first rendered (its language was still loading): focus moves in as for any other opening.
  const wasOpen = useRef(open && (mode !== 'launcher' || options.open));
  useEffect(() => {
    if (open && !wasOpen.current) composerRef.current?.focus();
    // Closing leaves the history view and drops a pending confirmation: the panel reopens on the chat.
    if (!open) {
      context.view.value = 'chat';
      context.confirm.value = undefined;
    }
    wasOpen.current = open;
  }, [open]);

  return (
    <UiContext.Provider value={context}>
      {/* title="": the host's `title` attribute (the element's key) is not a tooltip over the panel. */}
      <div class="cc-root" dir={dir} lang={lang} data-mode={mode} title="">
        {mounted.current && <Panel open={open} onClose={mode === 'launcher' ? close : undefined} />}
      </div>
    </UiContext.Provider>
  );
}
