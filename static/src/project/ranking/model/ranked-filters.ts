import type { PayloadOf } from '../../../../../src/contract/surfaces';
import type { JourneyStage, Segment, SourceKind } from '../../../../../src/domain/vocabulary';

export type StatusCategoryFilter = 'open' | 'done' | 'all';
export type LevelFilter = 'epic' | 'standard' | 'subtask' | 'all';

/** The ranked backlog's filters as the page holds them ('' = any). */
export interface RankedFilters {
  statusCategory: StatusCategoryFilter;
  level: LevelFilter;
  segment: Segment | '';
  sourceKind: SourceKind | '';
  journeyStage: JourneyStage | '';
  query: string;
}

/** Open work at every level: what a manager ranking the backlog looks at first. */
export const DEFAULT_FILTERS: RankedFilters = {
  statusCategory: 'open',
  level: 'all',
  segment: '',
  sourceKind: '',
  journeyStage: '',
  query: ''
};

export const STATUS_CATEGORY_LABELS: Readonly<Record<StatusCategoryFilter, string>> = {
  open: 'Open work',
  done: 'Done',
  all: 'All statuses'
};

export const LEVEL_LABELS: Readonly<Record<LevelFilter, string>> = {
  // Every level above stories: epics, and initiatives or custom levels where Jira has them.
  epic: 'Epics and above',
  standard: 'Standard issues',
  subtask: 'Sub-tasks',
  all: 'All levels'
};

/** Rows per ranked page: the read model serves 50 in one storage call at any project size. */
export const RANKED_PAGE = 50;

/** The `project/rankedIssues` payload for the filters; "any" filters are left out. */
export function rankedPayload(filters: RankedFilters, cursor?: string): PayloadOf<'project/rankedIssues'> {
  const query = filters.query.trim();
  return {
    limit: RANKED_PAGE,
    statusCategory: filters.statusCategory,
    level: filters.level,
    ...(filters.segment === '' ? {} : { segment: filters.segment }),
    ...(filters.sourceKind === '' ? {} : { sourceKind: filters.sourceKind }),
    ...(filters.journeyStage === '' ? {} : { journeyStage: filters.journeyStage }),
    ...(query === '' ? {} : { query }),
    ...(cursor === undefined ? {} : { cursor })
  };
}
