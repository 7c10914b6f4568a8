import { useId, useMemo, useRef, useState } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
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
  // The last unlink, which Undo links again with the same note.
  const [unlinked, setUnlinked] = useState<{ insightId: string; summary: string; note: string } | null>(null);
  const [relinking, setRelinking] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const withUndo = useMemo<PanelActions | null>(
    () =>
      actions && {
        ...actions,
        unlink: async (insightId) => {
          const card = cards.find((c) => c.insightId === insightId);
          const failure = await actions.unlink(insightId);
          if (failure === null && card) setUnlinked({ insightId, summary: card.summary, note: card.note });
          return failure;
        }
      },
    [actions, cards]
  );
  const undo = async (): Promise<void> => {
    if (!actions || !unlinked) return;
    setRelinking(true);
    const failure = await actions.link([unlinked.insightId], unlinked.note);
    setRelinking(false);
    if (failure !== null) return;
    setUnlinked(null);
    // The card is back in the list the heading names; the heading takes focus from script only.
    const heading = headingRef.current;
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  };
  return (
    <Stack space="space.100">
      {/* Focus lands here when an unlink leaves no card after the one removed. */}
      <div id={EVIDENCE_HEADING_ID} tabIndex={-1}>
        <Heading size="xsmall" as="h3" id={headingId} ref={headingRef}>
          Evidence ({total})
        </Heading>
      </div>
      {/* The live region exists before its message, as screen readers need, but only for
          someone who can unlink. */}
      {actions ? (
        <Box role="status" testId="unlink-status">
          {unlinked ? (
            <Inline space="space.100" alignBlock="center">
              <Text>Unlinked “{unlinked.summary}”.</Text>
              {/* A plain button: the panel's first paint does not load Atlaskit's. */}
              <button type="button" disabled={relinking} onClick={() => void undo()}>
                Undo
              </button>
            </Inline>
          ) : null}
        </Box>
      ) : null}
      <AsyncList
        load={{ status: 'ready', items: shown }}
        name={{ labelledBy: headingId }}
        itemKey={(card) => card.insightId}
        renderItem={(card) => (
          <EvidenceItem card={card} issueId={view.issueId} directory={directory} actions={withUndo} />
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
