import { EnumSelect } from './EnumSelect';
import { FormField } from './FormField';

interface Props<T extends string> {
  id: string;
  label: string;
  values: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T | '';
  onChange: (value: T | '') => void;
  error: string | undefined;
  testId: string;
  required?: boolean;
  clearable?: boolean;
}

/** A labelled select over one of the domain's vocabularies. */
export function EnumField<T extends string>({
  id,
  label,
  error,
  testId,
  required = false,
  clearable = false,
  ...select
}: Props<T>): JSX.Element {
  return (
    <FormField id={id} label={label} error={error} testId={testId} required={required}>
      <EnumSelect id={id} {...select} clearable={clearable} isInvalid={error !== undefined} testId={testId} />
    </FormField>
  );
}
