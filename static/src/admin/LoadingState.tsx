import Spinner from '@atlaskit/spinner';
import { Box, Inline, Text } from '@atlaskit/primitives';

export function LoadingState(): JSX.Element {
  return (
    <Box padding="space.200" testId="admin-loading" role="status">
      <Inline space="space.100" alignBlock="center">
        <Spinner size="medium" label="Loading the settings" />
        <Text color="color.text.subtle">Loading the settings…</Text>
      </Inline>
    </Box>
  );
}
