import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';

/**
 * The admin page's shell. Scoring weights and identity visibility are configured
 * here next; until then the page says what it controls.
 */
export function AdminPage(): JSX.Element {
  return (
    <Box padding="space.300">
      <Stack space="space.150">
        <Heading size="large">Customer evidence settings</Heading>
        <Text as="p">
          Set how the customer-impact score weighs severity, revenue, segment and recency, and which groups
          may see customer names and ARR.
        </Text>
      </Stack>
    </Box>
  );
}
