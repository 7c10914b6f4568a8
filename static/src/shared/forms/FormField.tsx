import type { ReactNode } from 'react';
import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives/compiled';

interface Props {
  /** The control's id; the label points at it and the message is `${id}-message`. */
  id: string;
  label: string;
  required?: boolean;
  error?: string | undefined;
  helper?: string | undefined;
  testId: string;
  children: ReactNode;
}

/** What every labelled control takes: its value, its change, and its message. */
export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  testId: string;
  helper?: string | undefined;
}

/** The props an Atlaskit input takes from a field: value, change, invalid state, message link. */
export function controlOf({ id, value, onChange, error, testId }: FieldProps) {
  return {
    id,
    value,
    onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
    isInvalid: error !== undefined,
    'aria-describedby': `${id}-message`,
    testId
  };
}

/** Label, control and message for one form field; the control sets aria-describedby. */
export function FormField({
  id,
  label,
  required = false,
  error,
  helper,
  testId,
  children
}: Props): JSX.Element {
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>
        {label}
        {required ? <RequiredAsterisk /> : null}
      </Label>
      {children}
      <Box id={`${id}-message`} aria-live="polite">
        {error !== undefined ? (
          <ErrorMessage testId={`${testId}-error`}>{error}</ErrorMessage>
        ) : helper !== undefined ? (
          <HelperMessage>{helper}</HelperMessage>
        ) : null}
      </Box>
    </Stack>
  );
}
