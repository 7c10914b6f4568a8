import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';

/**
 * The project page's shell. Ranking the backlog by customer impact and the insight
 * inbox are built here next; until then the page says what it is for.
 */
export function ProjectPage(): JSX.Element {
  return (
    <Box padding="space.300">
      <Stack space="space.150">
        <Heading size="large">Customer evidence — project view</Heading>
        <Text as="p">
          Rank this project’s issues by customer impact and triage captured insights that are not yet linked
          to work. Open an issue to see its evidence in the Customer evidence panel.
        </Text>
      </Stack>
    </Box>
  );
}
