import { lazy, Suspense, useState } from 'react';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { RankedBacklog } from './RankedBacklog';
import { Tabs, type TabSpec } from './Tabs';

// The library and the import (papaparse, the shared schemas) load when their tab is
// first opened: the ranking is what the page opens on, and it needs neither.
const InsightLibrary = lazy(() => import('./InsightLibrary').then((m) => ({ default: m.InsightLibrary })));
const ImportCsv = lazy(() => import('./ImportCsv').then((m) => ({ default: m.ImportCsv })));

type TabId = 'ranked' | 'library' | 'import';

const TABS: readonly TabSpec<TabId>[] = [
  { id: 'ranked', label: 'Ranked backlog' },
  { id: 'library', label: 'Insight library' },
  { id: 'import', label: 'Import CSV' }
];

const ID = 'customer-evidence';

/**
 * The project page: the backlog ranked by customer impact, the insight library with
 * its triage inbox, and CSV import. A tab is mounted the first time it is opened and
 * kept afterwards (hidden), so switching tabs never loses a filter, a half-done merge
 * or an import in progress.
 */
export function ProjectPage(): JSX.Element {
  const [tab, setTab] = useState<TabId>('ranked');
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(new Set(['ranked']));
  const select = (id: TabId): void => {
    setTab(id);
    setOpened((o) => (o.has(id) ? o : new Set([...o, id])));
  };
  const panel = (id: TabId, content: JSX.Element): JSX.Element => (
    <div
      role="tabpanel"
      id={`${ID}-panel-${id}`}
      aria-labelledby={`${ID}-tab-${id}`}
      hidden={tab !== id}
      data-testid={`panel-${id}`}
    >
      {opened.has(id) ? (
        <Suspense fallback={<Spinner size="medium" label="Loading" />}>{content}</Suspense>
      ) : null}
    </div>
  );
  return (
    <Box padding="space.300" testId="project-page">
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="large">Customer evidence — project view</Heading>
          <Text color="color.text.subtle">
            Rank this project’s work by customer impact, triage insights that are not linked to work yet, and
            bring in feedback from other tools.
          </Text>
        </Stack>
        <Tabs tabs={TABS} selected={tab} onSelect={select} idPrefix={ID} label="Customer evidence views" />
        {panel('ranked', <RankedBacklog />)}
        {panel('library', <InsightLibrary />)}
        {panel('import', <ImportCsv />)}
      </Stack>
    </Box>
  );
}
