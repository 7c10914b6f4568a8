import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { InsightView } from '../../../src/contract/views';
import type { ActionResult } from '../shared/action-result';
import { formatDate } from '../shared/format';
import { SOURCE_KIND_LABELS } from '../shared/labels';
import { isLeaving } from '../shared/pending';
import { useInsightSearch } from './hooks/useSearch';
import { SearchBox } from './SearchBox';

interface Props {
  source: InsightView;
  onMerge: (source: InsightView, target: InsightView) => ActionResult;
  onDone: () => void;
}

/**
 * Merges a duplicate into another insight of the library. Says exactly what happens
 * before it does: the links and tags move to the chosen insight, and this one is deleted.
 */
export function MergeInsight({ source, onMerge, onDone }: Props): JSX.Element {
  const { state, search } = useInsightSearch();
  const [target, setTarget] = useState<InsightView | null>(null);
  const [merging, setMerging] = useState(false);
  // An insight being deleted or merged away cannot take the duplicate's links.
  const candidates =
    state.status === 'done' ? state.items.filter((i) => i.id !== source.id && !isLeaving(i)) : [];

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
        <SearchBox
          label="Find the insight to keep"
          placeholder="Summary, account or tag"
          onSearch={(q) => void search(q)}
          searching={state.status === 'searching'}
          initial={source.summary.slice(0, 60)}
          testId="merge-search"
        />
        {state.status === 'error' ? (
          <SectionMessage appearance="error">
            <Text as="p">Search didn’t answer — try again. ({state.error.message})</Text>
          </SectionMessage>
        ) : null}
        {state.status === 'done' && candidates.length === 0 ? (
          <Text color="color.text.subtle" testId="merge-search-empty">
            No other insight matches{state.query === '' ? '' : ` “${state.query}”`}.
          </Text>
        ) : null}
        {candidates.length > 0 ? (
          <Box as="ul" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
            <Stack space="space.050">
              {candidates.map((c) => {
                const selected = target?.id === c.id;
                return (
                  <Box as="li" key={c.id} testId="merge-candidate">
                    <Inline space="space.100" alignBlock="center">
                      <Button
                        spacing="compact"
                        isSelected={selected}
                        aria-pressed={selected}
                        onClick={() => setTarget(selected ? null : c)}
                        testId="merge-candidate-select"
                      >
                        {selected ? 'Selected' : 'Keep this one'}
                      </Button>
                      <Text weight="medium">{c.summary}</Text>
                      <Text size="small" color="color.text.subtle">
                        {SOURCE_KIND_LABELS[c.sourceKind]} · {c.account?.name ?? 'Anonymous'} · observed{' '}
                        {formatDate(c.observedAt)}
                      </Text>
                    </Inline>
                  </Box>
                );
              })}
            </Stack>
          </Box>
        ) : null}
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
            isDisabled={target === null}
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
