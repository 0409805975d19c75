/** src/ui: Preact components that read store signals and call store actions (docs/architecture.md §1). */
export { App, type AppProps } from './app';
export type { MenuItem } from './header/menu-items';
export { panelCss } from './styles';
