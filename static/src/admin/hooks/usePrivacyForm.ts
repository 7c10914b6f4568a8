import { useState, type FormEvent } from 'react';
import type { AdminSettingsView } from '../../../../src/contract/views';
import type { PrivacySettings } from '../../../../src/domain/privacy';
import { notify } from '../../api';
import { groupNameProblem, mapPrivacyIssues, samePrivacy } from '../model/privacy-form';
import { useSettingsSave } from './useSettingsSave';

export interface PrivacyForm {
  restrictIdentity: boolean;
  groups: string[];
  /** The group name being typed, before "Add". */
  draft: string;
  draftError: string | undefined;
  groupsError: string | undefined;
  formErrors: string[];
  dirty: boolean;
  saving: boolean;
  setRestrictIdentity: (on: boolean) => void;
  setDraft: (name: string) => void;
  addGroup: () => boolean;
  removeGroup: (name: string) => void;
  save: (event: FormEvent<HTMLFormElement>) => Promise<void>;
}

/** Who may see account names and ARR: the switch and the allowed Jira groups, saved together. */
export function usePrivacyForm(
  saved: PrivacySettings,
  onSaved: (view: AdminSettingsView) => void
): PrivacyForm {
  const [restrictIdentity, setRestrict] = useState(saved.restrictIdentity);
  const [groups, setGroups] = useState<string[]>(() => [...saved.allowedGroups]);
  const [draft, setDraftValue] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  const [groupsError, setGroupsError] = useState<string | undefined>();
  const saver = useSettingsSave('privacy settings', onSaved);

  const edited = (): void => {
    setGroupsError(undefined);
    saver.clearFormErrors();
  };

  const setDraft = (name: string): void => {
    setDraftValue(name);
    setDraftError(undefined);
  };

  const addGroup = (): boolean => {
    const problem = groupNameProblem(draft, groups);
    if (problem !== null) {
      setDraftError(problem);
      return false;
    }
    setGroups((g) => [...g, draft.trim()]);
    setDraftValue('');
    edited();
    return true;
  };

  const removeGroup = (name: string): void => {
    setGroups((g) => g.filter((x) => x !== name));
    setDraftError(undefined);
    edited();
  };

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    // A name typed but not yet added is clearly meant to be saved too.
    let allowedGroups = groups;
    if (draft.trim() !== '') {
      const problem = groupNameProblem(draft, groups);
      if (problem !== null) {
        setDraftError(problem);
        return;
      }
      allowedGroups = [...groups, draft.trim()];
    }
    const view = await saver.save({ privacy: { restrictIdentity, allowedGroups } }, (apiError) => {
      const mapped = mapPrivacyIssues(apiError.fieldIssues, allowedGroups);
      setGroupsError(mapped.groups);
      return {
        placed: mapped.groups !== undefined || mapped.formErrors.length > 0,
        formErrors: mapped.formErrors
      };
    });
    if (!view) return;
    setDraftValue('');
    setRestrict(view.privacy.restrictIdentity);
    setGroups([...view.privacy.allowedGroups]);
    setGroupsError(undefined);
    notify(
      'success',
      'Privacy settings saved',
      view.privacy.restrictIdentity
        ? 'Account names and ARR are now shown only to the allowed groups.'
        : 'Everyone who can see evidence sees account names and ARR.'
    );
  };

  return {
    restrictIdentity,
    groups,
    draft,
    draftError,
    groupsError,
    formErrors: saver.formErrors,
    dirty: draft.trim() !== '' || !samePrivacy({ restrictIdentity, allowedGroups: groups }, saved),
    saving: saver.saving,
    setRestrictIdentity: (on) => {
      setRestrict(on);
      edited();
    },
    setDraft,
    addGroup,
    removeGroup,
    save
  };
}
