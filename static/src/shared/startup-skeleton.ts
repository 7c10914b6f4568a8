/**
 * What a module shows between its HTML arriving and React's first render: one status
 * line in plain DOM, so the boot script paints it without waiting for React or
 * Atlaskit. React's first render replaces it (createRoot clears the container).
 * Styled inline because no stylesheet has loaded yet; the colour falls back to a grey
 * readable on Jira's light and dark backgrounds until the theme's tokens arrive.
 */
export function showStartupSkeleton(testId: string, text: string): void {
  const root = document.getElementById('root');
  if (!root || root.firstChild) return;
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  status.setAttribute('data-testid', testId);
  status.textContent = text;
  status.style.cssText =
    'padding:16px;font:14px/20px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;' +
    'color:var(--ds-text-subtle,#626F86)';
  root.replaceChildren(status);
}

/** Says so in place of the skeleton when the app's own code failed to download. */
export function showStartupFailure(text: string): void {
  const root = document.getElementById('root');
  if (!root) return;
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.textContent = text;
  alert.style.cssText = 'padding:16px;font:14px/20px sans-serif;color:var(--ds-text-danger,#C9372C)';
  root.replaceChildren(alert);
}
