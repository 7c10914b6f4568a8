import Textfield from '@atlaskit/textfield';
import { Box } from '@atlaskit/primitives/compiled';
import { controlOf, FormField, type FieldProps } from './FormField';

interface Props extends FieldProps {
  required?: boolean;
  type?: 'text' | 'url' | 'date';
  placeholder?: string;
  maxLength?: number;
  /**
   * A number: a text input with a decimal keypad rather than `type="number"`, which
   * would silently turn `1..5` into an empty value where the shared schema should say
   * what is wrong.
   */
  numeric?: boolean;
  /** Shown after the value, e.g. `days`. */
  suffix?: string;
}

/** A labelled Atlaskit text input whose message is announced and linked by id. */
export function TextInputField(props: Props): JSX.Element {
  const { required = false, type = 'text', placeholder, maxLength, numeric = false, suffix } = props;
  return (
    <FormField {...props} required={required}>
      <Textfield
        {...controlOf(props)}
        isRequired={required}
        type={type}
        {...(placeholder === undefined ? {} : { placeholder })}
        {...(maxLength === undefined ? {} : { maxLength })}
        {...(numeric ? { inputMode: 'decimal' as const, autoComplete: 'off' } : {})}
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
