import type { AdminSettingsView } from '../../../src/contract/views';
import { PrivacySettingsForm } from './PrivacySettingsForm';
import { ScoringSettingsForm } from './ScoringSettingsForm';
import { SettingsSection } from './SettingsSection';
import { SettingsVersion } from './SettingsVersion';

interface Props {
  view: AdminSettingsView;
  justSaved: boolean;
  onScoringSaved: (view: AdminSettingsView) => void;
  onPrivacySaved: (view: AdminSettingsView) => void;
}

/** Both settings forms: the score's weights with their preview, and identity visibility. */
export function SettingsForms({ view, justSaved, onScoringSaved, onPrivacySaved }: Props): JSX.Element {
  return (
    <>
      <SettingsSection
        title="Customer-impact score"
        description="Each account’s contribution to an issue’s score is severity × revenue × segment × recency. Changes apply to every issue once saved."
        testId="scoring-section"
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
        testId="privacy-section"
      >
        <PrivacySettingsForm saved={view.privacy} onSaved={onPrivacySaved} />
      </SettingsSection>
    </>
  );
}
