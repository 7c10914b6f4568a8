import { useId } from 'react';
import Button from '@atlaskit/button/default/button';
import { Label } from '@atlaskit/form';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { AdminSettingsView } from '../../../src/contract/views';
import type { PrivacySettings } from '../../../src/domain/privacy';
import { AllowedGroups } from './AllowedGroups';
import { FormErrors } from './FormErrors';
import { IdentitySwitch } from './IdentitySwitch';
import { SelfMaskConfirm } from './SelfMaskConfirm';
import { UnknownGroupsWarning } from './UnknownGroupsWarning';
import { usePrivacyForm } from './hooks/usePrivacyForm';

interface Props {
  saved: PrivacySettings;
  /** Saved groups Jira has no group for (the settings view's `unknownGroups`). */
  unknownGroups: readonly string[];
  onSaved: (view: AdminSettingsView) => void;
}

/** Who sees account names and ARR: a switch and the Jira groups exempt from it. */
export function PrivacySettingsForm({ saved, unknownGroups, onSaved }: Props): JSX.Element {
  const form = usePrivacyForm(saved, onSaved);
  const prefix = useId();
  const switchId = `${prefix}-restrict`;
  const switchHelpId = `${prefix}-restrict-help`;
  const nobody = form.restrictIdentity && form.groups.length === 0 && form.draft.trim() === '';
  const unknownListed = unknownGroups.filter((group) => form.groups.includes(group));
  return (
    <form onSubmit={(e) => void form.save(e)} noValidate aria-label="Privacy settings">
      <Stack space="space.250">
        <Stack space="space.075">
          <Label htmlFor={switchId}>Restrict customer identity and revenue</Label>
          <IdentitySwitch
            id={switchId}
            checked={form.restrictIdentity}
            onChange={form.setRestrictIdentity}
            describedBy={switchHelpId}
          />
          <Text as="p" color="color.text.subtle" id={switchHelpId}>
            When on, only members of the groups below see account names and ARR. Everyone else still sees the
            evidence, quotes and scores, with account names and revenue masked. The app enforces this on every
            answer it sends, not just in what it displays.
          </Text>
        </Stack>
        {nobody ? (
          <div
            role="note"
            style={{
              padding: token('space.100'),
              borderRadius: token('radius.small', '4px'),
              background: token('color.background.warning'),
              color: token('color.text.warning')
            }}
          >
            With no allowed groups, nobody will see account names or ARR — administrators included.
          </div>
        ) : null}
        <UnknownGroupsWarning groups={unknownListed} />
        <AllowedGroups
          id={`${prefix}-group`}
          groups={form.groups}
          unknownGroups={unknownListed}
          draft={form.draft}
          draftError={form.draftError}
          groupsError={form.groupsError}
          checking={form.checking}
          onDraft={form.setDraft}
          onAdd={() => void form.addGroup()}
          onPick={form.pickGroup}
          onRemove={form.removeGroup}
        />
        <FormErrors messages={form.formErrors} />
        {form.selfMask === undefined ? null : (
          <SelfMaskConfirm
            message={form.selfMask}
            saving={form.saving}
            onConfirm={() => void form.confirmSelfMask()}
            onCancel={form.cancelSelfMask}
          />
        )}
        <Inline space="space.100" alignBlock="center">
          <Button type="submit" appearance="primary" isLoading={form.saving}>
            Save privacy settings
          </Button>
          <Text color="color.text.subtle">{form.dirty ? 'Unsaved changes' : 'No unsaved changes'}</Text>
        </Inline>
      </Stack>
    </form>
  );
}
