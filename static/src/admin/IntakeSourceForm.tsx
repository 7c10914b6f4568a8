import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { PayloadOf } from '../../../src/contract/surfaces';
import { SOURCE_KINDS, type SourceKind } from '../../../src/domain/vocabulary';
import { useContractQuery, type ApiError } from '../api';
import { EnumField } from '../shared/forms/EnumField';
import { TextInputField } from '../shared/forms/TextInputField';
import { SOURCE_KIND_LABELS } from '../shared/labels';
import {
  emptyIntakeForm,
  GENERIC_PATH_FIELDS,
  INTAKE_PRESET_LABELS,
  INTAKE_PRESET_VALUES,
  intakePayload,
  placeIntakeIssues,
  type IntakeFieldKey
} from './model/intake-form';

interface Props {
  onCreate: (payload: PayloadOf<'admin/createIntakeSource'>) => Promise<ApiError | null>;
  onCancel: () => void;
}

/**
 * A new intake source: its name, the project its insights land in (one the admin can
 * see) and how its deliveries are read. Problems are shown on their fields, whether the
 * shared schema found them before sending or the resolver after.
 */
export function IntakeSourceForm({ onCreate, onCancel }: Props): JSX.Element {
  const id = useId();
  const [state, setState] = useState(emptyIntakeForm);
  const [errors, setErrors] = useState<Partial<Record<IntakeFieldKey, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const projects = useContractQuery('admin/listRoles', {});
  const projectIds = (projects.data ?? []).map((p) => p.projectId);
  const projectLabels = Object.fromEntries((projects.data ?? []).map((p) => [p.projectId, p.projectKey]));

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    const problem = await onCreate(intakePayload(state));
    setSaving(false);
    if (problem === null) return;
    const placed = placeIntakeIssues(problem.fieldIssues);
    setErrors(placed);
    setFormError(Object.keys(placed).length === 0 ? problem.message : null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    // Escape leaves the form, unless a select's open menu takes it first.
    if (event.key === 'Escape' && !event.defaultPrevented) onCancel();
  };

  const field = (key: IntakeFieldKey) => ({
    id: `${id}-${key}`,
    error: errors[key],
    testId: `intake-${key}`
  });

  return (
    <form aria-label="New intake source" noValidate onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <Stack space="space.150">
        <TextInputField
          {...field('name')}
          label="Name"
          required
          value={state.name}
          onChange={(name) => setState((s) => ({ ...s, name }))}
          helper="How the admin page and the delivery log name it, e.g. Zendesk EU."
          maxLength={80}
        />
        <EnumField
          {...field('projectId')}
          label="Project"
          required
          values={projectIds}
          labels={projectLabels}
          value={state.projectId}
          onChange={(projectId) => setState((s) => ({ ...s, projectId }))}
        />
        <EnumField
          {...field('preset')}
          label="Payload format"
          required
          values={INTAKE_PRESET_VALUES}
          labels={INTAKE_PRESET_LABELS}
          value={state.preset}
          onChange={(preset) => setState((s) => ({ ...s, preset }))}
        />
        {state.preset === 'generic' ? (
          <Stack space="space.100">
            <Text as="p" color="color.text.subtle">
              Dotted paths into each item, such as ticket.org.name. Values are taken as they are: a severity
              must already be low, medium, high or critical, and a date ISO 8601.
            </Text>
            {GENERIC_PATH_FIELDS.map((path) => (
              <TextInputField
                key={path.key}
                {...field(path.key)}
                label={path.label}
                required={path.required}
                placeholder={path.example}
                value={state.paths[path.key]}
                onChange={(value) => setState((s) => ({ ...s, paths: { ...s.paths, [path.key]: value } }))}
              />
            ))}
            <EnumField<SourceKind>
              id={`${id}-sourceKind`}
              testId="intake-sourceKind"
              error={undefined}
              label="Kind of evidence"
              values={SOURCE_KINDS}
              labels={SOURCE_KIND_LABELS}
              value={state.sourceKind}
              onChange={(sourceKind) => setState((s) => ({ ...s, sourceKind: sourceKind || 'other' }))}
            />
          </Stack>
        ) : null}
        {formError !== null ? (
          <Text as="p" color="color.text.danger">
            {formError}
          </Text>
        ) : null}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={saving}>
            Create source
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </Inline>
      </Stack>
    </form>
  );
}
