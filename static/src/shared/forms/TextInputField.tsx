import Textfield from '@atlaskit/textfield';
import { FormField } from './FormField';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  testId: string;
  required?: boolean;
  helper?: string;
  type?: 'text' | 'url' | 'date';
  placeholder?: string;
  maxLength?: number;
}

/** A labelled Atlaskit text input whose message is announced and linked by id. */
export function TextInputField({
  id,
  label,
  value,
  onChange,
  error,
  testId,
  required = false,
  helper,
  type = 'text',
  placeholder,
  maxLength
}: Props): JSX.Element {
  return (
    <FormField id={id} label={label} error={error} testId={testId} required={required} helper={helper}>
      <Textfield
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        isInvalid={error !== undefined}
        isRequired={required}
        aria-describedby={`${id}-message`}
        type={type}
        testId={testId}
        {...(placeholder === undefined ? {} : { placeholder })}
        {...(maxLength === undefined ? {} : { maxLength })}
      />
    </FormField>
  );
}
