/** Keeps one badly formed message from taking the whole conversation down: it renders as nothing. */
import { Component, type ComponentChildren } from 'preact';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { failed: false };

  static override getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[captivate-chat] a message could not be rendered', error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
