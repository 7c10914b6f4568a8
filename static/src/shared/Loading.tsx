import Spinner from '@atlaskit/spinner';
import { Box, Inline, Text } from '@atlaskit/primitives/compiled';

/** A spinner and what is loading, announced as a status. */
export function Loading({ what, testId }: { what: string; testId: string }): JSX.Element {
  return (
    <Box padding="space.200" testId={testId} role="status">
      <Inline space="space.100" alignBlock="center">
        <Spinner size="medium" label={`Loading ${what}`} />
        <Text color="color.text.subtle">Loading {what}…</Text>
      </Inline>
    </Box>
  );
}
