import Textfield from '@atlaskit/textfield';
import { Box } from '@atlaskit/primitives';
import { FormField } from '../shared/forms/FormField';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  testId: string;
  helper?: string | undefined;
  /** Shown after the number, e.g. `days`. */
  suffix?: string;
}

/**
 * A labelled number input. A text input with a decimal keypad rather than
 * `type="number"`: the browser would silently turn `1..5` into an empty value, where
 * the shared schema should say what is wrong.
 */
export function NumberField({
  id,
  label,
  value,
  onChange,
  error,
  testId,
  helper,
  suffix
}: Props): JSX.Element {
  return (
    <FormField id={id} label={label} error={error} helper={helper} testId={testId}>
      <Textfield
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        isInvalid={error !== undefined}
        inputMode="decimal"
        autoComplete="off"
        aria-describedby={`${id}-message`}
        testId={testId}
        {...(suffix === undefined
          ? {}
          : {
              elemAfterInput: (
                <Box paddingInlineEnd="space.100" aria-hidden="true">
                  {suffix}
                </Box>
              )
            })}
      />
    </FormField>
  );
}
