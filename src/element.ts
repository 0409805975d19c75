/**
 * The npm entry `captivate-chat-widget/element`: importing it defines `<captivate-chat>` (its one side
 * effect, listed in package.json `sideEffects`; nothing happens outside a browser). The chat application
 * is imported on intent, as the script tag does, so the host's bundler puts it in a chunk of its own.
 */
import { defineChatElement } from './embed/element';
import { loadOnce } from './lazy/load-once';

export type { CaptivateChatElement } from './index';

if (typeof customElements !== 'undefined')
  defineChatElement({ loadApp: loadOnce(() => import('./embed/app-entry')) });
