import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectRolesView } from '../../../../src/contract/views';
import { ApiError, invokeApi, notify, toApiError } from '../../api';

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
  const [load, setLoad] = useState<RolesLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef(0);

  useEffect(() => {
    const id = ++current.current;
    setLoad({ status: 'loading' });
    invokeApi('admin/listRoles', {}).then(
      (projects) => {
        if (current.current === id) setLoad({ status: 'ready', projects });
      },
      (error: unknown) => {
        if (current.current === id) setLoad({ status: 'error', error: toApiError(error) });
      }
    );
    return () => {
      if (current.current === id) current.current += 1;
    };
  }, [attempt]);

  const save = useCallback(async (projectId: string, contributors: string[], curators: string[]) => {
    try {
      const saved = await invokeApi('admin/saveRoles', { projectId, roles: { contributors, curators } });
      setLoad((l) =>
        l.status === 'ready'
          ? { ...l, projects: l.projects.map((p) => (p.projectId === saved.projectId ? saved : p)) }
          : l
      );
      notify('success', `Roles saved for ${saved.projectKey}`, 'They apply to the next action anyone takes.');
      return true;
    } catch (error) {
      notify('error', 'Could not save the roles', toApiError(error).message);
      return false;
    }
  }, []);

  return { load, reload: useCallback(() => setAttempt((n) => n + 1), []), save };
}
