import type { ReactNode } from 'react';
import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';

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
