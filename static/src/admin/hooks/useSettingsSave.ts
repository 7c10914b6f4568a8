import { useState } from 'react';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { AdminSettingsView } from '../../../../src/contract/views';
import { invokeApi, notify, toApiError, type ApiError } from '../../api';
import { describeError } from '../../shared/error-copy';

/** What a form made of a failed save's field issues: whether any found a place on it. */
export interface PlacedIssues {
  placed: boolean;
  formErrors: string[];
  /** The form answers this refusal itself (it asks the admin to confirm): no error flag. */
  quiet?: boolean;
}

export interface SettingsSave {
  saving: boolean;
  /** Server problems that belong to no field. */
  formErrors: string[];
  clearFormErrors: () => void;
  /**
   * Saves part of the settings. On success, hands the stored settings to the page and
   * returns them; on failure, flags what went wrong, lets the form place the field
   * issues (`place`), lists the rest, and returns null.
   */
  save: (
    payload: PayloadOf<'admin/saveSettings'>,
    place: (error: ApiError) => PlacedIssues
  ) => Promise<AdminSettingsView | null>;
}

/** Saving one settings form (`what`: "privacy settings"), shared by every form of the admin page. */
export function useSettingsSave(what: string, onSaved: (view: AdminSettingsView) => void): SettingsSave {
  const [saving, setSaving] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const save: SettingsSave['save'] = async (payload, place) => {
    setSaving(true);
    try {
      const view = await invokeApi('admin/saveSettings', payload);
      setFormErrors([]);
      onSaved(view);
      return view;
    } catch (error) {
      const apiError = toApiError(error);
      const mapped = place(apiError);
      if (mapped.quiet === true) {
        setFormErrors([]);
        return null;
      }
      notify('error', `Could not save the ${what}`, describeError(apiError, 'settings'));
      // Other failures are explained by the flag; a rejection without field issues is not.
      const unplaced = apiError.code === 'VALIDATION_FAILED' && !mapped.placed ? [apiError.message] : [];
      setFormErrors([...mapped.formErrors, ...unplaced]);
      return null;
    } finally {
      setSaving(false);
    }
  };

  return { saving, formErrors, clearFormErrors: () => setFormErrors([]), save };
}
