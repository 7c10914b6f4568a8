import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AdminSettingsView } from '../../../../src/contract/views';
import { loadOf, setContractQueryData, useContractQuery, type ApiError } from '../../api';

export type SettingsLoad =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; view: AdminSettingsView };

export interface AdminSettings {
  load: SettingsLoad;
  reload: () => void;
  /** Shows the settings a save returned, without another round trip. */
  applySaved: (view: AdminSettingsView) => void;
}

/** Loads the site's settings; FORBIDDEN (not a Jira admin) arrives as an error like any other. */
export function useAdminSettings(): AdminSettings {
  const client = useQueryClient();
  const query = useContractQuery('admin/getSettings', {});
  const load = loadOf(query);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const applySaved = useCallback(
    (view: AdminSettingsView) => setContractQueryData(client, 'admin/getSettings', {}, view),
    [client]
  );
  return { load: load.status === 'ready' ? { status: 'ready', view: load.data } : load, reload, applySaved };
}
