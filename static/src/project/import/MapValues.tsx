import { useId } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { CsvRow } from './model/csv-file';
import { IMPORT_FIELD_LABELS, type ColumnMapping } from './model/import-mapping';
import { IMPORT_PRESETS, type PresetId } from './model/import-presets';
import {
  ALLOWED,
  distinctValues,
  LEAVE_EMPTY,
  mappedEnumFields,
  SKIP_ROW,
  type DistinctValue,
  type EnumImportField,
  type ImportValueMappings,
  type ValueChoice
} from './model/value-mapping';
import { OptionSelect, type Option } from '../OptionSelect';
import { CELL, HEAD, NUMERIC } from '../table-styles';

interface Props {
  rows: readonly CsvRow[];
  mapping: ColumnMapping;
  values: ImportValueMappings;
  preset: PresetId | null;
  onPreset: (preset: PresetId | null) => void;
  onValue: (field: EnumImportField, value: string, choice: ValueChoice | undefined) => void;
}

const NO_PRESET = 'none';
const PRESET_OPTIONS: Option<PresetId | typeof NO_PRESET>[] = [
  { value: NO_PRESET, label: 'Another tool (no preset)' },
  ...IMPORT_PRESETS.map((p) => ({ value: p.id, label: p.name }))
];
const UNMAPPED = '';

function choiceOptions(field: EnumImportField, current: ValueChoice | undefined): Option<string>[] {
  const { values, labels } = ALLOWED[field];
  return [
    // Offered only while nothing maps the value: choosing it would not undo a preset's choice.
    ...(current === undefined ? [{ value: UNMAPPED, label: '— Not mapped —' }] : []),
    ...values.map((v) => ({ value: v, label: labels[v] ?? v })),
    { value: LEAVE_EMPTY, label: 'Leave empty' },
    { value: SKIP_ROW, label: 'Skip the row' }
  ];
}

/**
 * Step 3: what each value of an enumerated column (a support tool's `urgent`, `chat`,
 * `Pro`) becomes. A preset for the tool the file came from fills in the values it
 * knows, the project's saved choices from earlier imports go over it, and every other
 * value stays unmapped and shown: rows holding one are refused until it is mapped.
 */
export function MapValues({ rows, mapping, values, preset, onPreset, onValue }: Props): JSX.Element | null {
  const id = useId();
  const fields = mappedEnumFields(mapping);
  if (fields.length === 0) return null;
  const lists = fields.map((field) => ({ field, values: distinctValues(rows, mapping, field, values) }));
  const unmapped = lists.reduce((n, l) => n + l.values.filter((v) => v.choice === undefined).length, 0);
  return (
    <Stack space="space.150">
      <Heading size="xsmall" as="h4">
        Map values
      </Heading>
      <OptionSelect
        id={`${id}-preset`}
        label="Exported from"
        options={PRESET_OPTIONS}
        value={preset ?? NO_PRESET}
        onChange={(v) => onPreset(v === NO_PRESET ? null : v)}
        testId="import-preset"
      />
      <Text size="small" color="color.text.subtle">
        A preset maps the values its tool uses; choices saved by this project’s earlier imports go over it.
      </Text>
      {unmapped > 0 ? (
        <SectionMessage
          appearance="warning"
          title={`${unmapped} value${unmapped === 1 ? '' : 's'} not mapped`}
        >
          <Text as="p">
            Rows holding an unmapped value will not be imported. Choose what each value means below.
          </Text>
        </SectionMessage>
      ) : null}
      {lists.map(({ field, values: found }) => (
        <ValueTable
          key={field}
          id={id}
          field={field}
          column={mapping[field]}
          found={found}
          onValue={onValue}
        />
      ))}
    </Stack>
  );
}

function ValueTable({
  id,
  field,
  column,
  found,
  onValue
}: {
  id: string;
  field: EnumImportField;
  column: string;
  found: readonly DistinctValue[];
  onValue: Props['onValue'];
}): JSX.Element {
  const name = `${IMPORT_FIELD_LABELS[field]} from “${column}”`;
  return (
    <table
      aria-label={name}
      style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}
    >
      <caption
        style={{ textAlign: 'start', font: token('font.body'), fontWeight: token('font.weight.bold') }}
      >
        {name}
      </caption>
      <thead>
        <tr>
          <th style={HEAD}>Value in the file</th>
          <th style={{ ...HEAD, textAlign: 'end' }}>Rows</th>
          <th style={{ ...HEAD, width: '50%' }}>Import as</th>
        </tr>
      </thead>
      <tbody>
        {found.map((v, i) => (
          <tr key={v.value}>
            <td style={CELL}>{v.shown}</td>
            <td style={NUMERIC}>{v.rows}</td>
            <td style={CELL}>
              <OptionSelect
                id={`${id}-${field}-${i}`}
                label={`${IMPORT_FIELD_LABELS[field]} for “${v.shown}”`}
                options={choiceOptions(field, v.choice)}
                value={v.choice ?? UNMAPPED}
                onChange={(choice) => onValue(field, v.value, choice === UNMAPPED ? undefined : choice)}
                testId={`map-value-${field}-${i}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
