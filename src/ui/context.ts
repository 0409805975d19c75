/**
 * What every component needs and nothing re-renders for: the store, the translator, the options. Created
 * once by `App`; the value only changes if the embed re-renders `App` with new props (a locale switch).
 * The panel's own UI state (which view it shows, a pending confirmation) is here as signals, because the
 * header menu sets it and the panel shows it.
 */
import type { Signal } from '@preact/signals';
import { createContext, type RefObject } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { ChatStore } from '../store/chat-store';
import type { ChatOptions } from '../store/options';

export type Translate = I18n['t'];
/** `inline`: a `<captivate-chat inline>` element, always open in its box; `frame`: embed.html. */
export type UiMode = 'launcher' | 'frame' | 'inline';
/** The chat itself, or the list of past conversations in its place. */
export type PanelView = 'chat' | 'history';

/** A question the panel asks before something that cannot be undone. */
export interface ConfirmRequest {
  /** Names the dialog (e.g. "Delete all conversations"). */
  title: string;
  message: string;
  onConfirm(): void;
  /** Where focus goes after Cancel; the conversation menu button when absent. */
  onCancel?(): void;
}

export interface UiContextValue {
  store: ChatStore;
  t: Translate;
  locale: string;
  options: ChatOptions;
  mode: UiMode;
  /** The composer's textarea, so controls that vanish or disable themselves can hand focus back to it. */
  composerRef: RefObject<HTMLTextAreaElement | null>;
  focusComposer(): void;
  /** The conversation menu's button: focus returns there when a view or dialog opened from the menu closes. */
  menuButtonRef: RefObject<HTMLButtonElement | null>;
  focusMenu(): void;
  view: Signal<PanelView>;
  /** Switches the view, then runs `focus` once the new view is rendered (hidden elements cannot take focus). */
  showView(view: PanelView, focus?: () => void): void;
  confirm: Signal<ConfirmRequest | undefined>;
}

export const UiContext = createContext<UiContextValue | null>(null);

export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('captivate-chat: UI component rendered outside <App>');
  return value;
}
