// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adoptPartStyles } from './adopt-styles';

/** A widget's shadow root (without constructable stylesheets in jsdom: the `<style>` fallback) and an element in it. */
function widget() {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const element = document.createElement('div');
  root.appendChild(element);
  return { root, element, styles: () => Array.from(root.querySelectorAll('style'), (s) => s.textContent) };
}

describe('adoptPartStyles', () => {
  it('adds a part’s stylesheet to the shadow root once, however often the part renders', () => {
    const { element, styles } = widget();
    adoptPartStyles(element, '.cc-menu{color:red}');
    adoptPartStyles(element, '.cc-menu{color:red}');
    adoptPartStyles(element, '.cc-card{color:blue}');
    expect(styles()).toEqual(['.cc-menu{color:red}', '.cc-card{color:blue}']);
  });

  it('adds it to each widget on the page: two elements are two shadow roots', () => {
    const a = widget();
    const b = widget();
    adoptPartStyles(a.element, '.cc-menu{}');
    adoptPartStyles(b.element, '.cc-menu{}');
    expect(a.styles()).toEqual(['.cc-menu{}']);
    expect(b.styles()).toEqual(['.cc-menu{}']);
  });

  it('does nothing outside a shadow root, or without an element', () => {
    const element = document.createElement('div');
    document.body.appendChild(element);
    adoptPartStyles(element, '.cc-menu{}');
    adoptPartStyles(null, '.cc-menu{}');
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });
});
