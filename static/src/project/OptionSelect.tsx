import Select from '@atlaskit/select';
import { Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';

export interface Option<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  id: string;
  label: string;
  options: readonly Option<T>[];
  value: T;
  onChange: (value: T) => void;
  testId: string;
  isDisabled?: boolean;
}

/** A labelled Atlaskit Select over a fixed list of options (one always chosen). */
export function OptionSelect<T extends string>({
  id,
  label,
  options,
  value,
  onChange,
  testId,
  isDisabled = false
}: Props<T>): JSX.Element {
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      <Select<Option<T>, false>
        inputId={id}
        options={options}
        value={options.find((o) => o.value === value) ?? null}
        onChange={(o) => {
          if (o) onChange(o.value);
        }}
        isSearchable={options.length > 8}
        isDisabled={isDisabled}
        menuPlacement="auto"
        testId={testId}
      />
    </Stack>
  );
}

/** Options from a vocabulary and its labels, after an "any" choice with value ''. */
export function withAny<T extends string>(
  anyLabel: string,
  values: readonly T[],
  labels: Readonly<Record<T, string>>
): Option<T | ''>[] {
  return [{ value: '', label: anyLabel }, ...values.map((v) => ({ value: v, label: labels[v] }))];
}

export function optionsOf<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): Option<T>[] {
  return values.map((v) => ({ value: v, label: labels[v] }));
}
