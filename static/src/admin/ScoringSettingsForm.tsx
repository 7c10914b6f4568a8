import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage } from '@atlaskit/form';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { AdminSettingsView } from '../../../src/contract/views';
import type { ScoringSettings } from '../../../src/domain/scoring/settings';
import { SEGMENTS, SEVERITIES } from '../../../src/domain/vocabulary';
import { formatNumber } from '../shared/format';
import { SEGMENT_LABELS, SEVERITY_LABELS } from '../shared/labels';
import { CurveChoice } from './CurveChoice';
import { FieldGrid } from './FieldGrid';
import { FieldGroup } from './FieldGroup';
import { FormErrors } from './FormErrors';
import { TextInputField } from '../shared/forms/TextInputField';
import { ScorePreviewPanel } from './ScorePreviewPanel';
import { useScorePreview } from './hooks/useScorePreview';
import { useScoringForm } from './hooks/useScoringForm';
import { CURVE_HELP } from './model/curve-labels';
import { parseNumber, type NumberField as Field } from './model/scoring-form';

interface Props {
  saved: ScoringSettings;
  onSaved: (view: AdminSettingsView) => void;
}

/** The score's weights, edited with a live preview of what they would do to the top issues. */
export function ScoringSettingsForm({ saved, onSaved }: Props): JSX.Element {
  const form = useScoringForm(saved, onSaved);
  const preview = useScorePreview(form.settings, saved);
  const { values, errors, idOf } = form;
  const testIdOf = (field: string): string => `scoring-${field.replace('.', '-')}`;

  const number = (
    field: Field,
    label: string,
    extra: { helper?: string; suffix?: string } = {}
  ): JSX.Element => (
    <TextInputField
      numeric
      key={field}
      id={idOf(field)}
      label={label}
      value={values.numbers[field]}
      onChange={(v) => form.setNumber(field, v)}
      error={errors[field]}
      testId={testIdOf(field)}
      {...extra}
    />
  );

  const halfLife = parseNumber(values.numbers['recency.halfLifeDays']);
  const floor = parseNumber(values.numbers['recency.floor']);
  const recencyHelp =
    Number.isFinite(halfLife) && Number.isFinite(floor)
      ? `An insight loses half its weight every ${formatNumber(halfLife)} days, but never below the floor (${formatNumber(floor)}).`
      : 'An insight loses half its weight every N days, but never below the floor.';

  return (
    <form onSubmit={(e) => void form.save(e)} noValidate aria-label="Scoring settings">
      <Stack space="space.300">
        <FieldGroup
          legend="Severity weights"
          description="Points for an account’s most severe insight on the issue. Each severity must weigh at least as much as the one below it."
        >
          <FieldGrid>{SEVERITIES.map((s) => number(`severityWeights.${s}`, SEVERITY_LABELS[s]))}</FieldGrid>
        </FieldGroup>

        <FieldGroup
          legend="Segment weights"
          description="Multiplies an account’s points by its customer segment: above 1 counts it more, below 1 less."
        >
          <FieldGrid>{SEGMENTS.map((s) => number(`segmentWeights.${s}`, SEGMENT_LABELS[s]))}</FieldGrid>
        </FieldGroup>

        <FieldGroup
          legend="Revenue"
          description="How an account’s annual recurring revenue (ARR) lifts its points. Revenue can lift a voice, never mute one."
        >
          <FieldGrid min="20rem">
            <Stack space="space.050">
              <Text
                id={`${idOf('revenue.curve')}-label`}
                weight="semibold"
                size="small"
                color="color.text.subtle"
              >
                Revenue curve
              </Text>
              <CurveChoice
                id={idOf('revenue.curve')}
                labelledBy={`${idOf('revenue.curve')}-label`}
                describedBy={`${idOf('revenue.curve')}-message`}
                value={values.curve}
                onChange={form.setCurve}
              />
              <Box id={`${idOf('revenue.curve')}-message`} aria-live="polite">
                {errors['revenue.curve'] !== undefined ? (
                  <ErrorMessage>{errors['revenue.curve']}</ErrorMessage>
                ) : (
                  <HelperMessage>{CURVE_HELP[values.curve]}</HelperMessage>
                )}
              </Box>
            </Stack>
            {number('revenue.unit', 'ARR unit (USD)', {
              helper:
                values.curve === 'none'
                  ? 'Not used while revenue is ignored.'
                  : 'ARR per unit of the curve: with 1000, $240k ARR is 240 units.'
            })}
          </FieldGrid>
        </FieldGroup>

        <FieldGroup
          legend="Recency"
          description="Older evidence counts less, so the score follows what customers say now."
        >
          <FieldGrid min="14rem">
            {number('recency.halfLifeDays', 'Half-life', { helper: recencyHelp, suffix: 'days' })}
            {number('recency.floor', 'Floor', {
              helper: 'The least weight old evidence keeps: 0 lets it fade out, 1 never fades it.'
            })}
          </FieldGrid>
        </FieldGroup>

        <ScorePreviewPanel preview={preview} />

        <FormErrors messages={form.formErrors} />
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Button type="submit" appearance="primary" isLoading={form.saving}>
            Save scoring settings
          </Button>
          <Button appearance="subtle" onClick={form.discard} isDisabled={!form.dirty || form.saving}>
            Undo changes
          </Button>
          <Button
            appearance="subtle"
            onClick={form.resetToDefaults}
            isDisabled={form.isDefault || form.saving}
          >
            Reset to defaults
          </Button>
          <Text color="color.text.subtle">{form.dirty ? 'Unsaved changes' : 'No unsaved changes'}</Text>
        </Inline>
      </Stack>
    </form>
  );
}
