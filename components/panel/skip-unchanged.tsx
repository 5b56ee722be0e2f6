import { Component, type FunctionComponent } from 'preact';

/**
 * A view that re-renders only when a prop changes (shallow). Written here rather than taken from
 * preact/compat, which the panel does not otherwise need.
 */
export function skipUnchanged<P extends object>(View: FunctionComponent<P>) {
  return class SkipUnchanged extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const prev = this.props as Record<string, unknown>;
      const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
      for (const k of keys) if (k !== 'children' && prev[k] !== (next as Record<string, unknown>)[k]) return true;
      return false;
    }
    render() {
      return <View {...this.props} />;
    }
  };
}
