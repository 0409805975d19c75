/**
 * `<captivate-chat>`: a widget configured by the element's attributes (the script tag's keys without
 * `data-`), with the widget's API on the element itself. The script-tag loader's and `createChat()`'s
 * host is a `<captivate-chat>` too: it has its shadow root before it is connected, so it is left alone.
 */
import { startWidget, type WidgetEnv, type WidgetUpdate } from './start-widget';

export function defineChatElement(env: WidgetEnv): void {
  if (customElements.get('captivate-chat')) return;
  customElements.define(
    'captivate-chat',
    class extends HTMLElement {
      // A getter and a declared field, not class fields: the loader's es2020 build would add helpers for them.
      // The attributes a running widget follows (element-attributes.ts); the others are read once, at start.
      static get observedAttributes() {
        return ['title', 'theme', 'locale', 'open'];
      }
      declare update?: WidgetUpdate | undefined;
      connectedCallback() {
        if (!this.shadowRoot) this.update = startWidget(env, (key) => this.getAttribute(key), this, this);
      }
      // After a microtask: a framework moving the element (removed, then inserted again) keeps its widget.
      disconnectedCallback() {
        queueMicrotask(() => this.isConnected || this.update?.());
      }
      attributeChangedCallback(name: string, _: unknown, value: string | null) {
        this.update?.(name, value);
      }
    },
  );
}
