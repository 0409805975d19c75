/**
 * What every component needs and nothing re-renders for: the store, the translator, the options. Created
 * once by `App`; the value only changes if the embed re-renders `App` with new props (a locale switch).
 */
import { createContext, type RefObject } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { ChatStore } from '../store/chat-store';
import type { ChatOptions } from '../store/options';

export type Translate = I18n['t'];
export type UiMode = 'launcher' | 'frame';

export interface UiContextValue {
  store: ChatStore;
  t: Translate;
  locale: string;
  options: ChatOptions;
  mode: UiMode;
  /** The composer's textarea, so controls that vanish or disable themselves can hand focus back to it. */
  composerRef: RefObject<HTMLTextAreaElement | null>;
  focusComposer(): void;
}

export const UiContext = createContext<UiContextValue | null>(null);

export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('captivate-chat: UI component rendered outside <App>');
  return value;
}
