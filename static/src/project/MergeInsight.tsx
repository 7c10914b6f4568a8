import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { InsightView } from '../../../src/contract/views';
import { invokeApi } from '../api';
import type { ActionResult } from '../shared/action-result';
import { isLeaving } from '../shared/pending';
import { InsightHit } from '../shared/search/InsightHit';
import { SearchAndPick } from '../shared/search/SearchAndPick';
import { usePicks } from '../shared/search/usePicks';

interface Props {
  source: InsightView;
  onMerge: (source: InsightView, target: InsightView) => ActionResult;
  onDone: () => void;
}

/** Insights of the library found by text (any status). */
const findInsights = async (query: string): Promise<InsightView[]> =>
  (await invokeApi('project/listInsights', { limit: 20, ...(query === '' ? {} : { query }) })).items;

const idOf = (insight: InsightView): string => insight.id;

/**
 * Merges a duplicate into another insight of the library. Says exactly what happens
 * before it does: the links and tags move to the chosen insight, and this one is deleted.
 */
export function MergeInsight({ source, onMerge, onDone }: Props): JSX.Element {
  const picks = usePicks(idOf);
  const target = picks.picked[0];
  const [merging, setMerging] = useState(false);

  const merge = async (): Promise<void> => {
    if (!target) return;
    setMerging(true);
    const failure = await onMerge(source, target);
    setMerging(false);
    if (failure === null) onDone();
  };

  return (
    <Box
      padding="space.150"
      testId="merge-insight"
      style={{
        borderInlineStart: `${token('border.width.selected')} solid ${token('color.border.warning')}`
      }}
    >
      <Stack space="space.150">
        <Text>
          Merge this duplicate into another insight: pick the one to keep. Its links and tags are carried over
          to the one you keep, and this insight is deleted.
        </Text>
        <SearchAndPick
          label="Find the insight to keep"
          placeholder="Summary, account or tag"
          initial={source.summary.slice(0, 60)}
          find={findInsights}
          // An insight being deleted or merged away cannot take the duplicate's links.
          offer={(found) => found.filter((i) => i.id !== source.id && !isLeaving(i))}
          picks={picks}
          pickLabel="Keep this one"
          describe={(insight) => <InsightHit insight={insight} />}
          resultsLabel="Insights to keep"
          noMatches={(query) => `No other insight matches${query === '' ? '' : ` “${query}”`}.`}
          testId="merge-search"
          itemTestId="merge-candidate"
        />
        {target ? (
          <SectionMessage appearance="warning" title="Merge these insights?" testId="merge-confirmation">
            <Text as="p">
              “{source.summary}” will be merged into “{target.summary}”. Its links to issues and its tags are
              carried over to “{target.summary}”, and “{source.summary}” is deleted. This cannot be undone.
            </Text>
          </SectionMessage>
        ) : null}
        <Inline space="space.100">
          <Button
            appearance="warning"
            isDisabled={target === undefined}
            isLoading={merging}
            onClick={() => void merge()}
            testId="merge-confirm"
          >
            Merge and delete this one
          </Button>
          <Button appearance="subtle" onClick={onDone} isDisabled={merging}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
