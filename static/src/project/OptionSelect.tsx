import { lazy, Suspense } from 'react';
import { Label } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';

// react-select (with its popper and tags) is the largest single piece of the project
// page; the ranking must not wait for it to show its rows. The control loads at once,
// in parallel, and a box of the same size holds its place until then.
const OptionSelectControl = lazy(() =>
  import('./OptionSelectControl').then((m) => ({ default: m.OptionSelectControl }))
);

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
  const chosen = options.find((o) => o.value === value);
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      <Suspense fallback={<Placeholder text={chosen?.label ?? ''} />}>
        <OptionSelectControl
          id={id}
          options={options}
          value={value}
          // The control only ever answers with one of `options`' values, which are T.
          onChange={(v) => onChange(v as T)}
          testId={testId}
          isDisabled={isDisabled}
        />
      </Suspense>
    </Stack>
  );
}

/** The chosen option's label in a box the size of the Select, while it loads. */
function Placeholder({ text }: { text: string }): JSX.Element {
  return (
    <Box
      paddingInline="space.100"
      style={{
        minHeight: '40px',
        display: 'flex',
        alignItems: 'center',
        border: `${token('border.width')} solid ${token('color.border.input')}`,
        borderRadius: token('radius.small'),
        color: token('color.text.subtle')
      }}
    >
      {text}
    </Box>
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

export function optionsOf<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>
): Option<T>[] {
  return values.map((v) => ({ value: v, label: labels[v] }));
}
