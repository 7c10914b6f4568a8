import { render, screen } from '@testing-library/react';
import { AdminPage } from '../admin/AdminPage';
import { ProjectPage } from '../project/ProjectPage';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

it('renders the project page shell', () => {
  render(<ProjectPage />);
  expect(screen.getByRole('heading', { name: 'Customer evidence — project view' })).toBeInTheDocument();
});

it('renders the admin page shell', () => {
  render(<AdminPage />);
  expect(screen.getByRole('heading', { name: 'Customer evidence settings' })).toBeInTheDocument();
});
