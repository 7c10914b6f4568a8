import type { AdminSettingsView } from '../../../src/contract/views';
import { PrivacySettingsForm } from './PrivacySettingsForm';
import { PublishFailures } from './PublishFailures';

import { ProjectRolesSection } from './ProjectRolesSection';
import { RescoreProgress } from './RescoreProgress';
import { ScoringSettingsForm } from './ScoringSettingsForm';
import { SettingsSection } from './SettingsSection';
import { SettingsVersion } from './SettingsVersion';

interface Props {
  view: AdminSettingsView;
  justSaved: boolean;
  onScoringSaved: (view: AdminSettingsView) => void;
  onPrivacySaved: (view: AdminSettingsView) => void;
}

/** The settings forms: the score's weights with their preview, identity visibility, and project roles. */
export function SettingsForms({ view, justSaved, onScoringSaved, onPrivacySaved }: Props): JSX.Element {
  return (
    <>
      <RescoreProgress rescore={view.rescore} />
      <PublishFailures />
      <SettingsSection
        title="Customer-impact score"
        description="Each account’s contribution to an issue’s score is severity × revenue × segment × recency. Saving recomputes every issue’s score and republishes it to Jira’s Customer impact field."
      >
        <SettingsVersion
          formulaVersion={view.formulaVersion}
          settingsHash={view.settingsHash}
          justSaved={justSaved}
        />
        <ScoringSettingsForm saved={view.scoring} onSaved={onScoringSaved} />
      </SettingsSection>
      <SettingsSection
        title="Customer identity and revenue"
        description="Account names and ARR are commercially sensitive. Choose who may see them next to the evidence."
      >
        <PrivacySettingsForm
          saved={view.privacy}
          unknownGroups={view.unknownGroups}
          onSaved={onPrivacySaved}
        />
      </SettingsSection>
      <ProjectRolesSection />
    </>
  );
}
