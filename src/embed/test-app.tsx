/**
 * Test support, never shipped: the whole UI on a real store whose session never connects, so a jsdom test
 * plays the store's state (and the hub's answers) directly. Composed here because only `embed/` may join
 * the store, its session and storage.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { createI18n } from '../i18n';
import { createHubSession } from '../session';
import { createSafeStorage } from '../storage';
import { type ChatStore, createChatStore, type StoreDeps } from '../store/chat-store';
import type { ChatOptions } from '../store/options';
import { App, type AppProps } from '../ui/app';

const i18n = createI18n();

/** Renders `<App>` into `container` and returns its store; `deps` replace the store's defaults. */
export function renderTestApp(
  container: HTMLElement,
  options: ChatOptions,
  deps: Partial<Omit<StoreDeps, 'options'>> = {},
  app: Partial<Pick<AppProps, 'mode' | 'onClosed'>> = {},
): ChatStore {
  const storage = deps.storage ?? createSafeStorage('none');
  const store = createChatStore({
    options,
    storage,
    session: createHubSession({ options, storage }),
    uploader: () => new Promise(() => {}),
    t: i18n.t,
    emit: () => {},
    ...deps,
  });
  act(() => {
    render(
      <App
        store={store}
        t={deps.t ?? i18n.t}
        dir="ltr"
        locale="en"
        options={options}
        mode="launcher"
        {...app}
      />,
      container,
    );
  });
  return store;
}
