import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import type { AdminSettingsView } from '../../../../src/contract/views';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from '../../../../src/domain/scoring/settings';
import { notify } from '../../api';
import {
  firstInvalidField,
  mapScoringIssues,
  sameSettings,
  toFormValues,
  toScoringSettings,
  validateScoring,
  type NumberField,
  type RevenueCurve,
  type ScoringField,
  type ScoringFieldErrors,
  type ScoringFormValues
} from '../model/scoring-form';
import { useSettingsSave } from './useSettingsSave';

export const RECOMPUTE_NOTE =
  'Stored scores are recomputed with the new settings as evidence changes and by the daily refresh.';

export interface ScoringForm {
  values: ScoringFormValues;
  /** The shared schema's messages first, then the server's (cleared once a field is edited). */
  errors: ScoringFieldErrors;
  /** Server problems that belong to no field. */
  formErrors: string[];
  /** The valid settings the form describes, or null while any field is invalid. */
  settings: ScoringSettings | null;
  dirty: boolean;
  isDefault: boolean;
  saving: boolean;
  idOf: (field: ScoringField) => string;
  setNumber: (field: NumberField, value: string) => void;
  setCurve: (curve: RevenueCurve) => void;
  resetToDefaults: () => void;
  discard: () => void;
  save: (event: FormEvent<HTMLFormElement>) => Promise<void>;
}

/**
 * The scoring settings being edited. Validates on every change with the schema the
 * backend uses (so the preview only ever runs on valid settings), and saves the whole
 * settings object: what the admin sees is exactly what is stored.
 */
export function useScoringForm(
  saved: ScoringSettings,
  onSaved: (view: AdminSettingsView) => void
): ScoringForm {
  const [values, setValues] = useState<ScoringFormValues>(() => toFormValues(saved));
  const [serverErrors, setServerErrors] = useState<ScoringFieldErrors>({});
  const saver = useSettingsSave('scoring settings', onSaved);
  const prefix = useId();
  const idOf = useCallback((field: ScoringField) => `${prefix}-${field.replace('.', '-')}`, [prefix]);

  const validation = useMemo(() => validateScoring(values), [values]);
  const errors = useMemo(() => ({ ...serverErrors, ...validation.fieldErrors }), [serverErrors, validation]);
  const described = useMemo(() => toScoringSettings(values), [values]);
  const dirty = !sameSettings(described, saved);
  const isDefault = sameSettings(described, DEFAULT_SCORING_SETTINGS);

  const clearServer = (field: ScoringField): void => {
    setServerErrors((e) => (e[field] === undefined ? e : { ...e, [field]: undefined }));
    saver.clearFormErrors();
  };

  const setNumber = (field: NumberField, value: string): void => {
    setValues((v) => ({ ...v, numbers: { ...v.numbers, [field]: value } }));
    clearServer(field);
  };

  const setCurve = (curve: RevenueCurve): void => {
    setValues((v) => ({ ...v, curve }));
    clearServer('revenue.curve');
  };

  const replaceAll = (next: ScoringSettings): void => {
    setValues(toFormValues(next));
    setServerErrors({});
    saver.clearFormErrors();
  };

  const focusFirst = (fieldErrors: ScoringFieldErrors): void => {
    const first = firstInvalidField(fieldErrors);
    if (first !== undefined) document.getElementById(idOf(first))?.focus();
  };

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!validation.valid) {
      focusFirst(validation.fieldErrors);
      return;
    }
    const view = await saver.save({ scoring: validation.settings }, (apiError) => {
      const mapped = mapScoringIssues(apiError.fieldIssues);
      setServerErrors(mapped.fieldErrors);
      focusFirst(mapped.fieldErrors);
      return {
        placed: Object.keys(mapped.fieldErrors).length > 0 || mapped.formErrors.length > 0,
        formErrors: mapped.formErrors
      };
    });
    if (!view) return;
    replaceAll(view.scoring);
    notify('success', 'Scoring settings saved', RECOMPUTE_NOTE);
  };

  return {
    values,
    errors,
    formErrors: saver.formErrors,
    settings: validation.settings,
    dirty,
    isDefault,
    saving: saver.saving,
    idOf,
    setNumber,
    setCurve,
    resetToDefaults: () => replaceAll(DEFAULT_SCORING_SETTINGS),
    discard: () => replaceAll(saved),
    save
  };
}
