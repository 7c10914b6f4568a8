import { ErrorMessage } from '@atlaskit/form';
import { Box } from '@atlaskit/primitives/compiled';

/** Problems that belong to no single field, announced when they appear. */
export function FormErrors({ messages }: { messages: readonly string[] }): JSX.Element {
  return (
    <Box aria-live="polite">
      {messages.map((m) => (
        <ErrorMessage key={m}>{m}</ErrorMessage>
      ))}
    </Box>
  );
}
