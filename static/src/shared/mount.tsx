import '@atlaskit/css-reset';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheming } from '../api';

/**
 * Starts one Custom UI module: theming first (so tokens resolve to Jira's light or
 * dark values as early as possible, without waiting for it), then React.
 */
export function mount(app: ReactElement): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element to render into.');
  void enableTheming();
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
