import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives/compiled';
import { MAX_LINKS_PER_CALL } from '../../../src/contract/payloads';
import type { InsightView } from '../../../src/contract/views';
import type { ActionResult } from '../shared/action-result';
import { isLeaving, PENDING_LABELS } from '../shared/pending';
import { InsightHit } from '../shared/search/InsightHit';
import { LinkWithNote, useLinkNote } from '../shared/search/LinkWithNote';
import { SearchAndPick } from '../shared/search/SearchAndPick';
import { usePicks } from '../shared/search/usePicks';
import { useInsightSearch } from './hooks/useInsightSearch';

interface Props {
  /** Insights already on this issue (shown as such, not selectable). */
  linkedIds: ReadonlySet<string>;
  onLink: (
    insightIds: string[],
    note: string,
    nameOf?: (insightId: string) => string | undefined
  ) => ActionResult;
  onDone: () => void;
}

const idOf = (insight: InsightView): string => insight.id;

/** Finds captured insights in this project and links the selected ones with a note. */
export function LinkExisting({ linkedIds, onLink, onDone }: Props): JSX.Element {
  const search = useInsightSearch();
  const picks = usePicks(idOf, MAX_LINKS_PER_CALL);
  const linkNote = useLinkNote(onDone);
  const count = picks.picked.length;

  const link = (): Promise<void> =>
    linkNote.send((note) =>
      onLink(
        picks.picked.map(idOf),
        note,
        (insightId) => picks.picked.find((i) => i.id === insightId)?.summary
      )
    );

  return (
    <Stack space="space.150">
      <Heading size="xsmall" as="h3">
        Link existing evidence
      </Heading>
      <SearchAndPick
        label="Search insights in this project"
        placeholder="Summary, account or tag"
        search={search}
        picks={picks}
        // Already on this issue, or being deleted or merged away (it takes no new link).
        blockedBy={(insight) =>
          linkedIds.has(insight.id)
            ? 'Already linked'
            : insight.pending && isLeaving(insight)
              ? PENDING_LABELS[insight.pending]
              : undefined
        }
        describe={(insight) => <InsightHit insight={insight} withSeverity />}
        resultsLabel="Matching insights"
        noMatches={(query) => `No insights match${query === '' ? '' : ` “${query}”`}.`}
        testId="search"
        itemTestId="search-result"
      />
      <LinkWithNote
        state={linkNote}
        linkLabel={count > 1 ? `Link ${count} insights` : 'Link insight'}
        canLink={count > 0}
        onLink={() => void link()}
        onCancel={onDone}
        linkTestId="link-button"
      />
    </Stack>
  );
}
