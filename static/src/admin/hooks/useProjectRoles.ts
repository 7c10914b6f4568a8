import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ProjectRolesView } from '../../../../src/contract/views';
import {
  loadOf,
  notify,
  setContractQueryData,
  toApiError,
  useContractMutation,
  useContractQuery,
  type ApiError
} from '../../api';

export type RolesLoad =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; projects: ProjectRolesView[] };

export interface ProjectRoles {
  load: RolesLoad;
  reload: () => void;
  /** Saves one project's roles; resolves to whether it was saved. */
  save: (projectId: string, contributors: string[], curators: string[]) => Promise<boolean>;
}

/** Each project's contributor and curator groups, loaded once and saved one project at a time. */
export function useProjectRoles(): ProjectRoles {
  const client = useQueryClient();
  const query = useContractQuery('admin/listRoles', {});
  // The save answers the project's stored roles: it replaces that project in the list, and
  // nothing else on the page reads roles, so there is nothing to invalidate.
  const { mutateAsync } = useContractMutation('admin/saveRoles');
  const load = loadOf(query);
  const { refetch } = query;

  const save = useCallback(
    async (projectId: string, contributors: string[], curators: string[]) => {
      try {
        const saved = await mutateAsync({ projectId, roles: { contributors, curators } });
        setContractQueryData(client, 'admin/listRoles', {}, (projects) =>
          projects?.map((p) => (p.projectId === saved.projectId ? saved : p))
        );
        notify(
          'success',
          `Roles saved for ${saved.projectKey}`,
          'They apply to the next action anyone takes.'
        );
        return true;
      } catch (error) {
        notify('error', 'Could not save the roles', toApiError(error).message);
        return false;
      }
    },
    [client, mutateAsync]
  );

  return {
    load: load.status === 'ready' ? { status: 'ready', projects: load.data } : load,
    reload: useCallback(() => void refetch(), [refetch]),
    save
  };
}
