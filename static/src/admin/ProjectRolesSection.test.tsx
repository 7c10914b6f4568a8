import { screen, waitFor } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import { forgeBridgeMock, lastPayload, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { setupUser } from '../test/user';
import { ProjectRolesSection } from './ProjectRolesSection';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

beforeEach(() => {
  resetBridge();
  onResolver('admin/listRoles', () =>
    ok([
      { projectId: '10000', projectKey: 'CHK', contributors: ['cx-team'], curators: [] },
      { projectId: '10001', projectKey: 'MOB', contributors: [], curators: [] }
    ])
  );
  onResolver('admin/saveRoles', (p) =>
    ok({
      projectId: p.projectId,
      projectKey: 'CHK',
      contributors: p.roles.contributors ?? [],
      curators: p.roles.curators ?? []
    })
  );
});

it("shows each project's contributor and curator groups", async () => {
  render(<ProjectRolesSection />);
  expect(await screen.findByLabelText('Contributor groups in CHK')).toHaveValue('cx-team');
  expect(screen.getByLabelText('Curator groups in CHK')).toHaveValue('');
  expect(screen.getByLabelText('Contributor groups in MOB')).toHaveValue('');
});

it("saves one project's groups as lists", async () => {
  const user = setupUser();
  render(<ProjectRolesSection />);
  await user.type(await screen.findByLabelText('Curator groups in CHK'), 'cx-leads, support , cx-leads');
  await user.click(screen.getByRole('button', { name: 'Save roles for CHK' }));
  await waitFor(() =>
    expect(lastPayload('admin/saveRoles')).toEqual({
      projectId: '10000',
      roles: { contributors: ['cx-team'], curators: ['cx-leads', 'support'] }
    })
  );
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Roles saved for CHK' })
  );
  expect(screen.getByLabelText('Curator groups in CHK')).toHaveValue('cx-leads, support');
});

it('refuses a list longer than the backend accepts without a round trip', async () => {
  const user = setupUser();
  render(<ProjectRolesSection />);
  const many = Array.from({ length: 21 }, (_, i) => `group-${i}`).join(',');
  // Pasted, as a list copied from elsewhere would be.
  await user.click(await screen.findByLabelText('Contributor groups in MOB'));
  await user.paste(many);
  await user.click(screen.getByRole('button', { name: 'Save roles for MOB' }));
  expect(await screen.findByText('Name at most 20 groups.')).toBeInTheDocument();
  expect(lastPayload('admin/saveRoles')).toBeUndefined();
});
