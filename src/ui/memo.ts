/**
 * `memo` without `preact/compat` (compat is large and patches global options, e.g. turns `onChange` into
 * `onInput`). The wrapper skips rendering while props are equal; signals read inside the wrapped component
 * still re-render it on their own, because the wrapped component is a separate component instance.
 */
import { type Component, createElement, type FunctionComponent } from 'preact';

export type PropsEqual<P> = (prev: Readonly<P>, next: Readonly<P>) => boolean;

export function shallowEqual<P extends object>(prev: Readonly<P>, next: Readonly<P>): boolean {
  for (const key in prev) if (prev[key] !== next[key]) return false;
  for (const key in next) if (!(key in prev)) return false;
  return true;
}

export function memo<P extends object>(
  component: FunctionComponent<P>,
  equal: PropsEqual<P> = shallowEqual,
): FunctionComponent<P> {
  function shouldUpdate(this: Component<P>, nextProps: Readonly<P>): boolean {
    return !equal(this.props, nextProps);
  }
  function Memo(this: Component<P>, props: P) {
    this.shouldComponentUpdate = shouldUpdate;
    return createElement(component, props);
  }
  Memo.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memo;
}
