import TextArea from '@atlaskit/textarea';
import { FormField } from './FormField';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  testId: string;
  helper?: string;
  maxLength: number;
}

/** A labelled Atlaskit text area whose message is announced and linked by id. */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  error,
  testId,
  helper,
  maxLength
}: Props): JSX.Element {
  return (
    <FormField id={id} label={label} error={error} testId={testId} helper={helper}>
      <TextArea
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        isInvalid={error !== undefined}
        maxLength={maxLength}
        aria-describedby={`${id}-message`}
        testId={testId}
      />
    </FormField>
  );
}
