import { screen } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import { ok, onResolver, resetBridge } from '../test/forge-bridge';
import { AdminPage } from '../admin/AdminPage';
import { ProjectPage } from '../project/ProjectPage';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

beforeEach(resetBridge);

it('renders the project page with its five tabs, the ranking first', async () => {
  onResolver('project/rankedIssues', () => ok({ items: [] }));
  onResolver('project/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
  render(<ProjectPage />);
  expect(screen.getByRole('heading', { name: 'Customer evidence — project view' })).toBeInTheDocument();
  expect(await screen.findByRole('tab', { name: 'Import CSV' })).toBeInTheDocument();
  expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
    'Ranked backlog',
    'Insight library',
    'Import CSV',
    'Shipped for customers',
    'Accounts'
  ]);
  expect(screen.getByRole('tab', { name: 'Ranked backlog' })).toHaveAttribute('aria-selected', 'true');
  expect(
    await screen.findByRole('heading', { name: 'No issues with customer evidence match' })
  ).toBeInTheDocument();
  expect(screen.queryByText(/is for this project’s contributors/)).not.toBeInTheDocument();
});

it('offers the import and accounts tabs only to contributors and curators', async () => {
  onResolver('project/rankedIssues', () => ok({ items: [] }));
  onResolver('project/getAccess', () => ok({ canEdit: false, canContribute: false, canCurate: false }));
  render(<ProjectPage />);
  expect(
    await screen.findByRole('heading', { name: 'No issues with customer evidence match' })
  ).toBeInTheDocument();
  expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
    'Ranked backlog',
    'Insight library',
    'Shipped for customers'
  ]);
  expect(
    screen.getByText(
      'Capturing and importing is for this project’s contributors. Ask a Jira admin to add you on the app’s admin page.'
    )
  ).toBeInTheDocument();
});

it('renders the admin page shell', () => {
  render(<AdminPage />);
  expect(screen.getByRole('heading', { name: 'Customer evidence settings' })).toBeInTheDocument();
});
