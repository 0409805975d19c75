/**
 * The script-tag loader. On the host page's critical path it only reads its configuration, draws the
 * launcher in a shadow root and installs `window.CaptivateChat` (start-widget.ts); the chat application is
 * fetched later.
 */
import { PREFIX, type QueuedCall, startWidget, type WidgetEnv } from './start-widget';

export type { AppModule, WidgetEnv } from './start-widget';

/**
 * The loader's own tag: a classic script's `currentScript` while it runs, also when a tag manager inserted
 * it (an `<svg>` script never loads this file).
 */
export function findScript(doc: Document): HTMLScriptElement | null {
  return doc.currentScript as HTMLScriptElement | null;
}

export function boot(script: HTMLScriptElement | null, env: WidgetEnv): void {
  const previous = (window as unknown as { CaptivateChat?: { q?: QueuedCall[]; version?: string } })
    .CaptivateChat;
  // A second copy of the tag (a template and a tag manager both adding it) must not draw a second widget.
  if (previous?.version) {
    console.warn(`${PREFIX} loaded twice`);
    return;
  }
  const api = {};
  (window as unknown as { CaptivateChat: unknown }).CaptivateChat = api;
  startWidget(
    env,
    (key) => script?.getAttribute(`data-${key}`),
    api,
    undefined,
    Array.isArray(previous?.q) ? previous.q : [],
  );
}
