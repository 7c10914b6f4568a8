import { useId } from 'react';
import { RequiredAsterisk } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { SEVERITIES, SOURCE_KINDS } from '../../../../src/domain/vocabulary';
import { SEVERITY_LABELS, SOURCE_KIND_LABELS } from '../../shared/labels';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  type ColumnMapping as Mapping,
  type FixedValues,
  type ImportField
} from './model/import-mapping';
import { OptionSelect, optionsOf } from '../OptionSelect';

interface Props {
  headers: readonly string[];
  mapping: Mapping;
  fixed: FixedValues;
  onColumn: (field: ImportField, column: string) => void;
  onFixed: <K extends keyof FixedValues>(key: K, value: FixedValues[K]) => void;
}

const SOURCE_OPTIONS = optionsOf(SOURCE_KINDS, SOURCE_KIND_LABELS);
const SEVERITY_OPTIONS = optionsOf(SEVERITIES, SEVERITY_LABELS);

/**
 * Step 2: which column feeds each insight field, pre-filled by matching header names.
 * Source kind and severity also take a value for the whole file, used when there is no
 * such column or a cell is empty.
 */
export function ColumnMapping({ headers, mapping, fixed, onColumn, onFixed }: Props): JSX.Element {
  const id = useId();
  const columns = [
    { value: '', label: '— Not in the file —' },
    ...headers.map((h) => ({ value: h, label: h }))
  ];
  return (
    <Stack space="space.100">
      <Heading size="xsmall" as="h4">
        Columns
      </Heading>
      <div
        data-testid="column-mapping"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
          gap: token('space.150')
        }}
      >
        {IMPORT_FIELDS.map((field) => (
          <div
            key={field}
            data-testid={`map-${field}`}
            data-column={mapping[field]}
            // Named for its field, so the column chosen for it reads as that field's column.
            role="group"
            aria-label={`${IMPORT_FIELD_LABELS[field]} column`}
          >
            <Stack space="space.050">
              <OptionSelect
                id={`${id}-${field}`}
                label={`${IMPORT_FIELD_LABELS[field]}${REQUIRED_FIELDS.has(field) ? ' *' : ''}`}
                options={columns}
                value={mapping[field]}
                onChange={(column) => onColumn(field, column)}
                testId={`map-${field}-select`}
              />
              {field === 'sourceKind' ? (
                <OptionSelect
                  id={`${id}-fixed-source`}
                  label={mapping.sourceKind === '' ? 'Source kind of every row' : 'When a cell is empty'}
                  options={SOURCE_OPTIONS}
                  value={fixed.sourceKind}
                  onChange={(v) => onFixed('sourceKind', v)}
                  testId="fixed-sourceKind"
                />
              ) : null}
              {field === 'severity' ? (
                <OptionSelect
                  id={`${id}-fixed-severity`}
                  label={mapping.severity === '' ? 'Severity of every row' : 'When a cell is empty'}
                  options={SEVERITY_OPTIONS}
                  value={fixed.severity}
                  onChange={(v) => onFixed('severity', v)}
                  testId="fixed-severity"
                />
              ) : null}
            </Stack>
          </div>
        ))}
      </div>
      <Text size="small" color="color.text.subtle">
        <RequiredAsterisk /> Summary and observed at are required. Dates must be ISO (2025-05-01, or with a
        time and offset) or as Zendesk exports them (2025-05-01 09:12:00 UTC); a date and time with no zone is
        read as UTC. Without an external id, a row’s content identifies it for duplicate detection.
      </Text>
    </Stack>
  );
}
