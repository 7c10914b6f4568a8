import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { QuoteText } from './QuoteText';
import { SourceLink } from './SourceLink';

interface Props {
  quotes: readonly { quote: string; sourceUrl?: string }[] | undefined;
}

/**
 * The words of duplicates merged into an insight, each with its own source link: a
 * merge keeps what every customer said, under the one insight that counts in the score.
 */
export function MergedQuotes({ quotes }: Props): JSX.Element | null {
  if (!quotes || quotes.length === 0) return null;
  return (
    <Stack space="space.050">
      <Text size="small" weight="semibold" color="color.text.subtle">
        Also said (merged duplicates)
      </Text>
      <Box
        as="ul"
        aria-label="Quotes from merged duplicates"
        style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}
      >
        {quotes.map((q, i) => (
          <Box as="li" key={`${i}-${q.sourceUrl ?? ''}`}>
            <Stack space="space.025">
              <QuoteText quote={q.quote} />
              <SourceLink url={q.sourceUrl} label="Open merged source" />
            </Stack>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
