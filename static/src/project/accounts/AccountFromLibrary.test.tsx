import { screen, waitFor, within } from '@testing-library/react';
import type { AccountView } from '../../../../src/contract/views';
import { renderWithQueries as render } from '../../test/render';
import { insightView } from '../../test/fixtures';
import { lastPayload, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { ProjectPage } from '../ProjectPage';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const GLOBEX = {
  key: 'globex',
  name: 'Globex',
  segment: 'smb' as const,
  arr: 5000,
  updatedAt: '2025-06-01T00:00:00Z',
  version: 1
};
const INSIGHT = insightView({ id: 'ins-g', summary: 'Wants SSO', accountKey: 'globex', account: GLOBEX });

function globexView(): AccountView {
  return {
    account: GLOBEX,
    insights: [INSIGHT],
    issues: [],
    shipped: [],
    totals: { insights: 1, issues: 0, contribution: 0 },
    mergeableInsights: 1,
    inOtherProjects: false,
    truncated: false,
    history: []
  };
}

beforeEach(() => {
  resetBridge();
  onResolver('project/rankedIssues', () => ok({ items: [] }));
  onResolver('project/listInsights', () => ok({ items: [INSIGHT] }));
  onResolver('project/accountView', () => ok(globexView()));
});

it('opens the account of an insight in the library on the Accounts tab', async () => {
  onResolver('project/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
  const user = setupUser();
  render(<ProjectPage />);
  await user.click(await screen.findByRole('tab', { name: 'Insight library' }));
  const item = within(await screen.findByRole('listitem', { name: 'Wants SSO' }));
  await user.click(item.getByRole('button', { name: 'Open account Globex' }));

  const accounts = screen.getByRole('tab', { name: 'Accounts' });
  await waitFor(() => expect(accounts).toHaveAttribute('aria-selected', 'true'));
  const panel = within(screen.getByRole('tabpanel', { name: 'Accounts' }));
  expect(await panel.findByRole('heading', { name: 'Globex' })).toBeInTheDocument();
  expect(lastPayload('project/accountView')).toEqual({ accountKey: 'globex' });
  await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'Accounts' })).toHaveFocus());
});

it('offers no account link to a viewer, who has no Accounts tab', async () => {
  onResolver('project/getAccess', () => ok({ canEdit: false, canContribute: false, canCurate: false }));
  const user = setupUser();
  render(<ProjectPage />);
  await user.click(await screen.findByRole('tab', { name: 'Insight library' }));
  const item = within(await screen.findByRole('listitem', { name: 'Wants SSO' }));
  expect(item.queryByRole('button', { name: /Open account/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('tab', { name: 'Accounts' })).not.toBeInTheDocument();
});
