import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import type { AdminSettingsView } from '../../../src/contract/views';
import { LoadingState } from './LoadingState';
import { useAdminSettings } from './hooks/useAdminSettings';

// The forms (fields, the shared zod schemas) are a chunk of their own, fetched while the
// settings load: the page shell paints at once, and neither download waits for the other.
const loadForms = () => import('./SettingsForms');
const SettingsForms = lazy(() => loadForms().then((m) => ({ default: m.SettingsForms })));
// Failing to load (or not being an admin) is the rare path: it does not weigh on the rest.
const ErrorState = lazy(() => import('./ErrorState').then((m) => ({ default: m.ErrorState })));
// Intake sources are a chunk of their own, asked for once the admin's settings have loaded.
const IntakeSources = lazy(() => import('./IntakeSources').then((m) => ({ default: m.IntakeSources })));

/**
 * The app's settings page (`jira:adminPage`), for Jira administrators: how the
 * customer-impact score is computed, and who sees customer names and ARR. The backend
 * checks the admin permission on every call; this page only reflects its answer.
 */
export function AdminPage(): JSX.Element {
  const { load, reload, applySaved } = useAdminSettings();
  const [justSaved, setJustSaved] = useState(false);
  const onScoringSaved = useCallback(
    (view: AdminSettingsView) => {
      applySaved(view);
      setJustSaved(true);
    },
    [applySaved]
  );
  useEffect(() => {
    // A failed prefetch is retried by lazy() on render, which reports it properly.
    loadForms().catch(() => undefined);
  }, []);

  return (
    <Box padding="space.300">
      <div style={{ maxWidth: '60rem' }}>
        <Stack space="space.300">
          <Stack space="space.100">
            <Heading size="large" as="h1">
              Customer evidence settings
            </Heading>
            <Text as="p">
              Set how the customer-impact score weighs severity, revenue, segment and recency, and which
              groups may see customer names and ARR.
            </Text>
          </Stack>
          <Suspense fallback={<LoadingState />}>
            {load.status === 'loading' ? <LoadingState /> : null}
            {load.status === 'error' ? <ErrorState error={load.error} onRetry={reload} /> : null}
            {load.status === 'ready' ? (
              <SettingsForms
                view={load.view}
                justSaved={justSaved}
                onScoringSaved={onScoringSaved}
                onPrivacySaved={applySaved}
              />
            ) : null}
          </Suspense>
          {load.status === 'ready' ? (
            <Suspense fallback={<LoadingState />}>
              <IntakeSources />
            </Suspense>
          ) : null}
        </Stack>
      </div>
    </Box>
  );
}
