interface Props {
  /** The shortcut the browser actually assigned, when it can tell. */
  shortcut?: string;
  open?: boolean;
}

/** How to get to one-click sign-in fast: pin the icon, use the shortcut or the icon's menu. */
export function PinHelp({ shortcut, open }: Props) {
  return (
    <details class="pin-help" open={open}>
      <summary>Pin the icon for one-click sign-in</summary>
      <ul class="hint">
        <li>
          <strong>Chrome, Edge:</strong> click the Extensions (puzzle piece) button in the toolbar, then the pin next to
          SSO Lens.
        </li>
        <li>
          <strong>Firefox:</strong> click the Extensions (puzzle piece) button, then the gear next to SSO Lens and
          choose <em>Pin to Toolbar</em>.
        </li>
        <li>
          Press <kbd>{shortcut || 'Alt+Shift+L'}</kbd> or right-click the icon and choose <em>Sign in to …</em> to open
          the default enterprise's one-click link. In the options, <em>Open on click</em> makes a click on the icon do
          the same.
        </li>
        <li>
          Change the shortcut at <code>chrome://extensions/shortcuts</code> (Chrome) or <em>about:addons</em> → gear →{' '}
          <em>Manage Extension Shortcuts</em> (Firefox).
        </li>
      </ul>
    </details>
  );
}
