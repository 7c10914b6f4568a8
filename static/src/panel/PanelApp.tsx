import { lazy, Suspense, useLayoutEffect, useMemo, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { PANEL_READ_ONLY } from '../shared/missing-actions';
import { EditorBar, type EditorMode } from './EditorBar';
import { EvidenceList } from './EvidenceList';
import { ImpactSummary } from './ImpactSummary';
import { LoadingState } from './LoadingState';
import { NoEvidence } from './NoEvidence';
import { usePanelActions } from './hooks/usePanelActions';
import { usePanelData } from './hooks/usePanelData';
import { usePanelFocus } from './hooks/usePanelFocus';
import { useEscape } from '../shared/hooks/useEscape';
import type { PanelFirstLoad } from './first-load';

// The editing UI (forms, selects, the shared zod schemas) is loaded on first use: most
// people only read the panel, and its first paint should not wait for code they never run.
const CaptureForm = lazy(() =>
  import('../shared/capture/CaptureForm').then((m) => ({ default: m.CaptureForm }))
);
const LinkExisting = lazy(() => import('./LinkExisting').then((m) => ({ default: m.LinkExisting })));
// Failing to load is the rare path: its empty-state illustration waits until needed.
const ErrorState = lazy(() => import('./ErrorState').then((m) => ({ default: m.ErrorState })));

interface Props {
  /** The opening reads the boot script started; absent, the panel starts them itself. */
  first?: PanelFirstLoad;
}

/** The issue panel: the score, why, the evidence, and (for editors) ways to add more. */
export function PanelApp({ first }: Props): JSX.Element {
  const { load, canEdit, readOnly, reload } = usePanelData(first);
  const focus = usePanelFocus(usePanelActions());
  const actions = focus.actions;
  const [mode, setMode] = useState<EditorMode>('none');
  const view = load.status === 'ready' ? load.data : null;
  const linkedIds = useMemo(() => new Set(view?.impact?.cards.map((c) => c.insightId) ?? []), [view]);
  const close = (): void => {
    setMode('none');
    focus.close(mode);
  };
  const cancelOnEscape = useEscape<HTMLDivElement>(close, mode !== 'none');

  const settledView = load.status !== 'loading';
  // The boot script's first frame stays until this render shows the same evidence (or
  // the failure): removed before the browser paints, so the swap is never seen.
  useLayoutEffect(() => {
    if (settledView) first?.handOver?.();
  }, [settledView, first]);

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error')
    return (
      <Suspense fallback={<LoadingState />}>
        <ErrorState error={load.error} onRetry={reload} />
      </Suspense>
    );

  const impact = load.data.impact;
  const empty = impact === null || impact.totalCards === 0;
  return (
    <Box padding="space.100" testId="panel">
      <Stack space="space.200">
        {empty ? null : (
          <ImpactSummary score={impact.score} identityHidden={load.data.identityHidden === true} />
        )}
        {canEdit && !(empty && mode === 'none') ? <EditorBar mode={mode} onMode={setMode} /> : null}
        {readOnly ? (
          <Text as="p" size="small" color="color.text.subtle">
            {PANEL_READ_ONLY}
          </Text>
        ) : null}
        {/* Escape cancels the open form or search (the capture form also handles it itself). */}
        {canEdit && mode !== 'none' ? (
          <div onKeyDown={cancelOnEscape}>
            <Suspense fallback={<Spinner size="medium" label="Loading the form" />}>
              {canEdit && mode === 'add' ? (
                <CaptureForm onSubmit={actions.capture} onDone={close} accountsFrom="issue" />
              ) : null}
              {canEdit && mode === 'link' ? (
                <LinkExisting linkedIds={linkedIds} onLink={actions.link} onDone={close} />
              ) : null}
            </Suspense>
          </div>
        ) : null}
        {empty ? (
          mode === 'none' ? (
            <NoEvidence canEdit={canEdit} onAdd={() => setMode('add')} onLink={() => setMode('link')} />
          ) : null
        ) : (
          <EvidenceList view={load.data} actions={canEdit ? actions : null} />
        )}
      </Stack>
    </Box>
  );
}
