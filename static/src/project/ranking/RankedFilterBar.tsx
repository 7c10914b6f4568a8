import { useEffect, useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import { Label } from '@atlaskit/form';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { JourneyStage, Segment, SourceKind } from '../../../../src/domain/vocabulary';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS, SOURCE_KIND_LABELS } from '../../shared/labels';
import { FieldRow } from '../../shared/forms/FieldRow';
import {
  DEFAULT_FILTERS,
  describeFilters,
  LEVEL_LABELS,
  STATUS_CATEGORY_LABELS,
  type LevelFilter,
  type RankedFilters,
  type StatusCategoryFilter
} from './model/ranked-filters';
import { OptionSelect, optionsOf, withAny } from '../OptionSelect';

const STATUS_OPTIONS = optionsOf<StatusCategoryFilter>(['open', 'done', 'all'], STATUS_CATEGORY_LABELS);
const LEVEL_OPTIONS = optionsOf<LevelFilter>(['leaf', 'epic', 'standard', 'subtask'], LEVEL_LABELS);
// The vocabularies' order, from their label records: importing the lists themselves
// would bring the domain's zod schemas into the page's first paint.
const keysOf = <T extends string>(labels: Readonly<Record<T, string>>): T[] => Object.keys(labels) as T[];
const SEGMENT_OPTIONS = withAny('Any segment', keysOf<Segment>(SEGMENT_LABELS), SEGMENT_LABELS);
const SOURCE_OPTIONS = withAny('Any source', keysOf<SourceKind>(SOURCE_KIND_LABELS), SOURCE_KIND_LABELS);
const STAGE_OPTIONS = withAny('Any stage', keysOf<JourneyStage>(JOURNEY_STAGE_LABELS), JOURNEY_STAGE_LABELS);

interface Props {
  filters: RankedFilters;
  onChange: (filters: RankedFilters) => void;
}

/**
 * The ranking's filters. Selects apply at once; the search applies on Enter. The
 * evidence filters choose which issues are listed (an issue with any evidence from that
 * segment, source or stage); scores always count all of an issue's evidence, and the
 * sentence under the filters says so.
 */
export function RankedFilterBar({ filters, onChange }: Props): JSX.Element {
  const id = useId();
  const [query, setQuery] = useState(filters.query);
  useEffect(() => setQuery(filters.query), [filters.query]);
  const set = <K extends keyof RankedFilters>(key: K, value: RankedFilters[K]): void =>
    onChange({ ...filters, [key]: value });
  const search = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    set('query', query.trim());
  };
  const changed = JSON.stringify(filters) !== JSON.stringify(DEFAULT_FILTERS);
  return (
    <Stack space="space.150">
      <FieldRow>
        <OptionSelect
          id={`${id}-status`}
          label="Status"
          options={STATUS_OPTIONS}
          value={filters.statusCategory}
          onChange={(v) => set('statusCategory', v)}
          testId="filter-status"
        />
        <OptionSelect
          id={`${id}-level`}
          label="Level"
          options={LEVEL_OPTIONS}
          value={filters.level}
          onChange={(v) => set('level', v)}
          testId="filter-level"
        />
        <OptionSelect
          id={`${id}-segment`}
          label="Has evidence from segment"
          options={SEGMENT_OPTIONS}
          value={filters.segment}
          onChange={(v) => set('segment', v)}
          testId="filter-segment"
        />
        <OptionSelect
          id={`${id}-source`}
          label="Has evidence from source"
          options={SOURCE_OPTIONS}
          value={filters.sourceKind}
          onChange={(v) => set('sourceKind', v)}
          testId="filter-source"
        />
        <OptionSelect
          id={`${id}-stage`}
          label="Has evidence at journey stage"
          options={STAGE_OPTIONS}
          value={filters.journeyStage}
          onChange={(v) => set('journeyStage', v)}
          testId="filter-stage"
        />
      </FieldRow>
      <Text as="p" color="color.text.subtle" testId="filters-summary">
        <span aria-live="polite">{describeFilters(filters)}</span>
      </Text>
      <form onSubmit={search} role="search">
        <Stack space="space.050">
          <Label htmlFor={`${id}-query`}>Search issues</Label>
          <Inline space="space.100" alignBlock="center">
            <Box style={{ flexGrow: 1, maxWidth: '32rem' }}>
              <Textfield
                id={`${id}-query`}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
                placeholder="Key or words in the summary"
                maxLength={200}
                testId="ranked-search"
              />
            </Box>
            <Button type="submit" testId="ranked-search-submit">
              Search
            </Button>
            {changed ? (
              <Button appearance="subtle" onClick={() => onChange(DEFAULT_FILTERS)} testId="filters-reset">
                Reset filters
              </Button>
            ) : null}
          </Inline>
        </Stack>
      </form>
    </Stack>
  );
}
