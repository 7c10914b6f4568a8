import { useState, type FormEvent } from 'react';
import { GROUP_MATCHES_MAX } from '../../../../src/contract/payloads';
import type { AdminSettingsView } from '../../../../src/contract/views';
import type { PrivacySettings } from '../../../../src/domain/privacy';
import { invokeApi, notify, toApiError } from '../../api';
import { describeError } from '../../shared/error-copy';
import {
  groupNameProblem,
  jiraSpelling,
  mapPrivacyIssues,
  samePrivacy,
  selfMaskWarning
} from '../model/privacy-form';
import { useSettingsSave } from './useSettingsSave';

export interface PrivacyForm {
  restrictIdentity: boolean;
  groups: string[];
  /** The group name being typed, before it is picked or added. */
  draft: string;
  draftError: string | undefined;
  groupsError: string | undefined;
  formErrors: string[];
  dirty: boolean;
  saving: boolean;
  /** Jira is being asked whether the typed name is one of its groups. */
  checking: boolean;
  /**
   * The server's warning that this save hides identity from the admin saving it; the
   * save waits for `confirmSelfMask` or `cancelSelfMask`.
   */
  selfMask: string | undefined;
  setRestrictIdentity: (on: boolean) => void;
  setDraft: (name: string) => void;
  /** Adds the typed name, once Jira confirms it names one of its groups (as Jira spells it). */
  addGroup: () => Promise<boolean>;
  /** Adds a group Jira offered in the picker. */
  pickGroup: (name: string) => void;
  removeGroup: (name: string) => void;
  save: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  confirmSelfMask: () => Promise<void>;
  cancelSelfMask: () => void;
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
  const [checking, setChecking] = useState(false);
  const [selfMask, setSelfMask] = useState<{ message: string; settings: PrivacySettings } | undefined>();
  const saver = useSettingsSave('privacy settings', onSaved);

  const edited = (): void => {
    setGroupsError(undefined);
    setSelfMask(undefined);
    saver.clearFormErrors();
  };

  const setDraft = (name: string): void => {
    setDraftValue(name);
    setDraftError(undefined);
  };

  const pickGroup = (name: string): void => {
    const problem = groupNameProblem(name, groups);
    if (problem !== null) {
      setDraftError(problem);
      return;
    }
    setGroups((g) => [...g, name]);
    setDraftValue('');
    setDraftError(undefined);
    edited();
  };

  const addGroup = async (): Promise<boolean> => {
    const problem = groupNameProblem(draft, groups);
    if (problem !== null) {
      setDraftError(problem);
      return false;
    }
    const typed = draft.trim();
    setChecking(true);
    try {
      const found = await invokeApi('admin/findGroups', { query: typed, limit: GROUP_MATCHES_MAX });
      const name = jiraSpelling(typed, found);
      if (name === undefined) {
        setDraftError(`Jira has no group called “${typed}”. Pick one of Jira’s groups.`);
        return false;
      }
      pickGroup(name);
      return true;
    } catch (error) {
      setDraftError(`Jira’s groups could not be checked: ${describeError(toApiError(error), 'settings')}`);
      return false;
    } finally {
      setChecking(false);
    }
  };

  const removeGroup = (name: string): void => {
    setGroups((g) => g.filter((x) => x !== name));
    setDraftError(undefined);
    edited();
  };

  const submit = async (privacy: PrivacySettings, confirmSelfMask: boolean): Promise<void> => {
    const view = await saver.save(
      confirmSelfMask ? { privacy, confirmSelfMask } : { privacy },
      (apiError) => {
        const warning = selfMaskWarning(apiError.fieldIssues);
        if (warning !== undefined) {
          // Not a failure: the admin is asked, and nothing was saved meanwhile.
          setSelfMask({ message: warning, settings: privacy });
          return { placed: true, formErrors: [], quiet: true };
        }
        const mapped = mapPrivacyIssues(apiError.fieldIssues, privacy.allowedGroups);
        setGroupsError(mapped.groups);
        return {
          placed: mapped.groups !== undefined || mapped.formErrors.length > 0,
          formErrors: mapped.formErrors
        };
      }
    );
    if (!view) return;
    setSelfMask(undefined);
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

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    // A name typed but not yet added is clearly meant to be saved too; the server checks
    // it against Jira's groups like the others.
    let allowedGroups = groups;
    if (draft.trim() !== '') {
      const problem = groupNameProblem(draft, groups);
      if (problem !== null) {
        setDraftError(problem);
        return;
      }
      allowedGroups = [...groups, draft.trim()];
    }
    setSelfMask(undefined);
    await submit({ restrictIdentity, allowedGroups }, false);
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
    checking,
    selfMask: selfMask?.message,
    setRestrictIdentity: (on) => {
      setRestrict(on);
      edited();
    },
    setDraft,
    addGroup,
    pickGroup,
    removeGroup,
    save,
    confirmSelfMask: async () => {
      if (selfMask) await submit(selfMask.settings, true);
    },
    cancelSelfMask: () => setSelfMask(undefined)
  };
}
