import { useId } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import type { PanelView } from '../../../src/contract/views';
import { EvidenceItem } from '../shared/evidence/EvidenceItem';
import { useCardDirectory } from '../shared/hooks/useCardDirectory';
import { useCardPages } from './hooks/useCardPages';
import type { PanelActions } from './hooks/usePanelActions';

interface Props {
  view: PanelView;
  actions: PanelActions | null;
}

/** The evidence cards, most score-moving first (the server's order), with paging. */
export function EvidenceList({ view, actions }: Props): JSX.Element {
  const { cards, hasMore, loadingMore, loadMore } = useCardPages(view);
  const directory = useCardDirectory(cards, view.issueId);
  const total = view.impact?.totalCards ?? cards.length;
  const headingId = useId();
  return (
    <Stack space="space.100">
      <Heading size="xsmall" as="h3" id={headingId}>
        Evidence ({total})
      </Heading>
      <Box
        as="ul"
        aria-labelledby={headingId}
        testId="evidence-list"
        style={{ margin: 0, paddingInlineStart: 0 }}
      >
        <Stack space="space.100">
          {cards.map((card) => (
            <EvidenceItem
              key={card.insightId}
              card={card}
              issueId={view.issueId}
              directory={directory}
              actions={actions}
            />
          ))}
        </Stack>
      </Box>
      {hasMore ? (
        <Box>
          <Button onClick={() => void loadMore()} isLoading={loadingMore} testId="show-more">
            Show more ({total - cards.length} more)
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
