import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminSettingsView } from '../../../../src/contract/views';
import { ApiError, invokeApi, toApiError } from '../../api';

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
  const [load, setLoad] = useState<SettingsLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Answers to an older attempt (a retry raced a slow call) must not overwrite newer ones.
  const current = useRef(0);

  useEffect(() => {
    const id = ++current.current;
    setLoad({ status: 'loading' });
    invokeApi('admin/getSettings', {}).then(
      (view) => {
        if (current.current === id) setLoad({ status: 'ready', view });
      },
      (error: unknown) => {
        if (current.current === id) setLoad({ status: 'error', error: toApiError(error) });
      }
    );
    return () => {
      if (current.current === id) current.current += 1;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const applySaved = useCallback((view: AdminSettingsView) => setLoad({ status: 'ready', view }), []);
  return { load, reload, applySaved };
}
