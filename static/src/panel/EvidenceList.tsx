import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives/compiled';
import type { PanelView } from '../../../src/contract/views';
import { AsyncList } from '../shared/AsyncList';
import { EvidenceItem } from '../shared/evidence/EvidenceItem';
import { useCardDirectory } from '../shared/hooks/useCardDirectory';
import { useCardPages } from './hooks/useCardPages';
import { useFirstFrameItems } from './hooks/useFirstFrameItems';
import type { PanelActions } from './hooks/usePanelActions';
import { EVIDENCE_HEADING_ID } from './hooks/usePanelFocus';

/** Cards in the panel's first frame: about what its first screen shows. */
const FIRST_FRAME_CARDS = 3;

interface Props {
  view: PanelView;
  actions: PanelActions | null;
}

/**
 * The evidence cards, most score-moving first (the server's order), with paging. The
 * panel shows its own loading, failure and empty states for the whole view; this list
 * is only rendered once the view has cards.
 */
export function EvidenceList({ view, actions }: Props): JSX.Element {
  const { cards, hasMore, loadingMore, loadMore } = useCardPages(view);
  const shown = useFirstFrameItems(cards, FIRST_FRAME_CARDS);
  const directory = useCardDirectory(cards, view.issueId);
  const total = view.impact?.totalCards ?? cards.length;
  const headingId = useId();
  return (
    <Stack space="space.100">
      {/* Focus lands here when an unlink leaves no card after the one removed. */}
      <div id={EVIDENCE_HEADING_ID} tabIndex={-1}>
        <Heading size="xsmall" as="h3" id={headingId}>
          Evidence ({total})
        </Heading>
      </div>
      <AsyncList
        load={{ status: 'ready', items: shown }}
        name={{ labelledBy: headingId }}
        itemKey={(card) => card.insightId}
        renderItem={(card) => (
          <EvidenceItem card={card} issueId={view.issueId} directory={directory} actions={actions} />
        )}
        loading={null}
        failure={() => null}
        empty={null}
        more={{
          hasMore,
          loadingMore,
          loadMore: () => void loadMore(),
          label: `Show more (${total - cards.length} more)`,
          testId: 'show-more'
        }}
        testId="evidence-list"
      />
    </Stack>
  );
}
