import TextArea from '@atlaskit/textarea';
import { controlOf, FormField, type FieldProps } from './FormField';

interface Props extends FieldProps {
  maxLength: number;
}

/** A labelled Atlaskit text area whose message is announced and linked by id. */
export function TextAreaField(props: Props): JSX.Element {
  return (
    <FormField {...props}>
      <TextArea {...controlOf(props)} maxLength={props.maxLength} />
    </FormField>
  );
}
