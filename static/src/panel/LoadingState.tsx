import Spinner from '@atlaskit/spinner';
import { Box, Inline, Text } from '@atlaskit/primitives';

export function LoadingState(): JSX.Element {
  return (
    <Box padding="space.200" testId="panel-loading" role="status">
      <Inline space="space.100" alignBlock="center">
        <Spinner size="medium" label="Loading customer evidence" />
        <Text color="color.text.subtle">Loading customer evidence…</Text>
      </Inline>
    </Box>
  );
}
