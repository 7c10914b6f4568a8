import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { FieldIssue } from '../../../../src/domain/errors';
import type { IntakeMapping, IntakePreset } from '../../../../src/domain/intake/presets';
import type { SourceKind } from '../../../../src/domain/vocabulary';

/** The presets in the order the form offers them (the domain's list, typed, without its schemas). */
export const INTAKE_PRESET_VALUES = [
  'zendesk',
  'intercom',
  'jsm',
  'generic'
] as const satisfies readonly IntakePreset[];

export const INTAKE_PRESET_LABELS: Readonly<Record<IntakePreset, string>> = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  jsm: 'Jira Service Management',
  generic: 'Generic JSON (field paths)'
};

/** The fields a generic JSON source names a path for; the first two are required. */
export const GENERIC_PATH_FIELDS = [
  { key: 'externalId', label: 'External id path', required: true, example: 'ticket.id' },
  { key: 'summary', label: 'Summary path', required: true, example: 'ticket.subject' },
  { key: 'quote', label: 'Quote path', required: false, example: 'ticket.description' },
  { key: 'observedAt', label: 'Date path', required: false, example: 'ticket.created_at' },
  { key: 'sourceUrl', label: 'Link path', required: false, example: 'ticket.url' },
  { key: 'severity', label: 'Severity path', required: false, example: 'ticket.severity' },
  { key: 'sentiment', label: 'Sentiment path', required: false, example: 'ticket.sentiment' },
  { key: 'tags', label: 'Tags path', required: false, example: 'ticket.tags' },
  { key: 'accountName', label: 'Account name path', required: false, example: 'ticket.org.name' },
  { key: 'accountKey', label: 'Account key path', required: false, example: 'ticket.org.id' }
] as const;

export type GenericPathKey = (typeof GENERIC_PATH_FIELDS)[number]['key'];

export interface IntakeFormState {
  name: string;
  projectId: string;
  preset: IntakePreset | '';
  paths: Record<GenericPathKey, string>;
  sourceKind: SourceKind;
}

export function emptyIntakeForm(): IntakeFormState {
  return {
    name: '',
    projectId: '',
    preset: '',
    paths: Object.fromEntries(GENERIC_PATH_FIELDS.map((f) => [f.key, ''])) as Record<GenericPathKey, string>,
    sourceKind: 'other'
  };
}

/**
 * The create payload the form stands for. A preset not yet chosen is sent as it is, so
 * the shared schema names the field; blank optional paths are left out.
 */
export function intakePayload(state: IntakeFormState): PayloadOf<'admin/createIntakeSource'> {
  const mapping: IntakeMapping | { preset: '' } =
    state.preset === 'generic'
      ? {
          preset: 'generic',
          fieldPaths: {
            externalId: state.paths.externalId.trim(),
            summary: state.paths.summary.trim(),
            ...Object.fromEntries(
              GENERIC_PATH_FIELDS.filter((f) => !f.required && state.paths[f.key].trim() !== '').map((f) => [
                f.key,
                state.paths[f.key].trim()
              ])
            ),
            sourceKind: state.sourceKind
          }
        }
      : state.preset === ''
        ? { preset: '' }
        : { preset: state.preset };
  return { name: state.name, projectId: state.projectId, mapping: mapping as IntakeMapping };
}

/** Which field of the form a problem the schema or the resolver found belongs to. */
export type IntakeFieldKey = 'name' | 'projectId' | 'preset' | GenericPathKey;

/** Field issues placed on the form's fields; the first message per field wins. */
export function placeIntakeIssues(issues: readonly FieldIssue[]): Partial<Record<IntakeFieldKey, string>> {
  const placed: Partial<Record<IntakeFieldKey, string>> = {};
  for (const issue of issues) {
    const key = fieldOf(issue.path);
    if (placed[key] === undefined) placed[key] = issue.message;
  }
  return placed;
}

function fieldOf(path: string): IntakeFieldKey {
  if (path === 'name' || path === 'projectId') return path;
  const generic = /^mapping\.fieldPaths\.([A-Za-z]+)/.exec(path)?.[1];
  const field = GENERIC_PATH_FIELDS.find((f) => f.key === generic);
  return field ? field.key : 'preset';
}
