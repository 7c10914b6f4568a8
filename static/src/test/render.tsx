import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createQueryClient } from '../api/query-client';

/**
 * A fresh cache for one test: nothing one test loaded is seen by the next. Failures are
 * not retried, so a test that makes a call fail sees the failure at once.
 */
export function testQueryClient(): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({
    ...client.getDefaultOptions(),
    queries: { ...client.getDefaultOptions().queries, retry: false }
  });
  return client;
}

/** Renders `ui` as a mounted module would: inside its own query cache. */
export function renderWithQueries(
  ui: ReactElement,
  options: Omit<RenderOptions, 'wrapper'> = {}
): RenderResult & { client: QueryClient } {
  const client = testQueryClient();
  const wrapper = ({ children }: { children: ReactNode }): JSX.Element => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { ...render(ui, { ...options, wrapper }), client };
}
