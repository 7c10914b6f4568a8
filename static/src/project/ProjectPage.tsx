import { lazy, Suspense, useState } from 'react';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { contributorReason } from '../shared/missing-actions';
import { useProjectAccess } from './hooks/useProjectAccess';
import { RankedBacklog } from './ranking/RankedBacklog';
import { TabShown } from './tab-shown';
import { Tabs, type TabSpec } from './Tabs';

// The library, the import (papaparse, the shared schemas) and the shipped view load
// when their tab is first opened: the ranking is what the page opens on, and it needs
// none of them.
const InsightLibrary = lazy(() =>
  import('./library/InsightLibrary').then((m) => ({ default: m.InsightLibrary }))
);
const ImportCsv = lazy(() => import('./import/ImportCsv').then((m) => ({ default: m.ImportCsv })));
const ShippedForCustomers = lazy(() =>
  import('./shipped/ShippedForCustomers').then((m) => ({ default: m.ShippedForCustomers }))
);

const AccountsView = lazy(() => import('./accounts/AccountsView').then((m) => ({ default: m.AccountsView })));

type TabId = 'ranked' | 'library' | 'import' | 'shipped' | 'accounts';

const TABS: readonly TabSpec<TabId>[] = [
  { id: 'ranked', label: 'Ranked backlog' },
  { id: 'library', label: 'Insight library' },
  { id: 'import', label: 'Import CSV' },
  { id: 'shipped', label: 'Shipped for customers' },
  { id: 'accounts', label: 'Accounts' }
];

const ID = 'customer-evidence';

/**
 * The project page: the backlog ranked by customer impact, the insight library with
 * its triage inbox, CSV import, and recently shipped work with the customers to tell.
 * A tab is mounted the first time it is opened and kept afterwards (hidden), so
 * switching tabs never loses a filter, a half-done merge or an import in progress.
 */
export function ProjectPage(): JSX.Element {
  const access = useProjectAccess();
  // Importing is for contributors and curators: others are not offered the tab.
  // Importing and looking accounts up are for contributors and curators: others are not offered the tabs.
  const tabs = access.canContribute ? TABS : TABS.filter((t) => t.id !== 'import' && t.id !== 'accounts');
  const [tab, setTab] = useState<TabId>('ranked');
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(new Set(['ranked']));
  // A hidden tab's queries pause (TabShown): what the library's changes made stale is
  // fetched once the tab is shown again, not on every link made while it is hidden.
  const select = (id: TabId): void => {
    setTab(id);
    setOpened((o) => (o.has(id) ? o : new Set([...o, id])));
  };
  // An account opened from an insight in the library: the Accounts tab shows it.
  const [accountToOpen, setAccountToOpen] = useState<{ key: string; name: string } | undefined>();
  const openAccount = (account: { key: string; name: string }): void => {
    setAccountToOpen({ ...account });
    select('accounts');
    // The button that asked is in a panel now hidden: focus moves to the panel shown.
    setTimeout(() => document.getElementById(`${ID}-panel-accounts`)?.focus());
  };
  const panel = (id: TabId, content: JSX.Element): JSX.Element => (
    <div
      role="tabpanel"
      id={`${ID}-panel-${id}`}
      aria-labelledby={`${ID}-tab-${id}`}
      tabIndex={-1}
      hidden={tab !== id}
      data-testid={`panel-${id}`}
    >
      {opened.has(id) ? (
        <TabShown.Provider value={tab === id}>
          <Suspense fallback={<Spinner size="medium" label="Loading" />}>{content}</Suspense>
        </TabShown.Provider>
      ) : null}
    </div>
  );
  return (
    <Box padding="space.300" testId="project-page">
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="large">Customer evidence — project view</Heading>
          <Text color="color.text.subtle">
            Rank this project’s work by customer impact, triage insights that are not linked to work yet,
            bring in feedback from other tools, and see which customers to tell about what shipped.
          </Text>
        </Stack>
        <Tabs tabs={tabs} selected={tab} onSelect={select} idPrefix={ID} label="Customer evidence views" />
        {access.known && contributorReason(access) !== undefined ? (
          <Text as="p" color="color.text.subtle">
            {contributorReason(access)}
          </Text>
        ) : null}
        {panel('ranked', <RankedBacklog />)}
        {panel(
          'library',
          <InsightLibrary access={access} {...(access.canContribute ? { onOpenAccount: openAccount } : {})} />
        )}
        {access.canContribute ? panel('import', <ImportCsv />) : null}
        {panel('shipped', <ShippedForCustomers />)}
        {access.canContribute
          ? panel(
              'accounts',
              <AccountsView access={access} {...(accountToOpen ? { open: accountToOpen } : {})} />
            )
          : null}
      </Stack>
    </Box>
  );
}
