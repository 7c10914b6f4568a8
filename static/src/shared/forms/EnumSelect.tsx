import Select from '@atlaskit/select';

interface Option<T extends string> {
  label: string;
  value: T;
}

interface Props<T extends string> {
  id: string;
  values: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T | '';
  onChange: (value: T | '') => void;
  /** Offers "None" (the empty value) for optional fields. */
  clearable?: boolean;
  isInvalid: boolean;
  testId: string;
}

/** An Atlaskit Select over one of the domain's closed vocabularies. */
export function EnumSelect<T extends string>({
  id,
  values,
  labels,
  value,
  onChange,
  clearable = false,
  isInvalid,
  testId
}: Props<T>): JSX.Element {
  const options: Option<T>[] = values.map((v) => ({ value: v, label: labels[v] }));
  return (
    <Select<Option<T>, false>
      inputId={id}
      options={options}
      value={options.find((o) => o.value === value) ?? null}
      onChange={(o) => onChange(o?.value ?? '')}
      isClearable={clearable}
      placeholder={clearable ? 'None' : undefined}
      isInvalid={isInvalid}
      aria-describedby={`${id}-message`}
      menuPlacement="auto"
      testId={testId}
    />
  );
}
