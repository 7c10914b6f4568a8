import Select from '@atlaskit/select';

export interface ControlOption {
  value: string;
  label: string;
}

export interface OptionSelectControlProps {
  id: string;
  options: readonly ControlOption[];
  value: string;
  onChange: (value: string) => void;
  testId: string;
  isDisabled: boolean;
}

/** The Atlaskit Select behind OptionSelect, in a chunk of its own (react-select is large). */
export function OptionSelectControl({
  id,
  options,
  value,
  onChange,
  testId,
  isDisabled
}: OptionSelectControlProps): JSX.Element {
  return (
    <Select<ControlOption, false>
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
  );
}
