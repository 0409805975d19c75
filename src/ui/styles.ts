/** The panel's stylesheet as a string: the embed adopts it as a constructable stylesheet (no `<style>`). */
import css from './styles.css?inline';

export const panelCss: string = css;
