import '@atlaskit/css-reset';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient, enableTheming } from '../api';

/**
 * Starts one Custom UI module: theming first (so tokens resolve to Jira's light or
 * dark values as early as possible, without waiting for it), then React, with the
 * module's own server-state cache (each module is its own iframe and its own page).
 */
export function mount(app: ReactElement): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element to render into.');
  void enableTheming();
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>{app}</QueryClientProvider>
    </StrictMode>
  );
}
