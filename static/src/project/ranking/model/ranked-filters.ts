import type { RankSort } from '../../../../../src/contract/payloads';
import type { PayloadOf } from '../../../../../src/contract/surfaces';
import type { JourneyStage, Segment, SourceKind } from '../../../../../src/domain/vocabulary';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS, SOURCE_KIND_LABELS } from '../../../shared/labels';

export type StatusCategoryFilter = 'open' | 'done' | 'all';
/**
 * Which issues the table lists and the chart counts. `leaf`: every level is listed, and
 * the chart counts only issues with no listed child, so an epic's evidence is not added
 * to its stories' and sub-tasks'. One level: that level only, listed and counted.
 */
export type LevelFilter = 'leaf' | 'epic' | 'standard' | 'subtask';

/** The ranked backlog's filters as the page holds them ('' = any). */
export interface RankedFilters {
  statusCategory: StatusCategoryFilter;
  level: LevelFilter;
  segment: Segment | '';
  sourceKind: SourceKind | '';
  journeyStage: JourneyStage | '';
  query: string;
  sort: RankSort;
}

/** Open work at every level by score: what a manager ranking the backlog looks at first. */
export const DEFAULT_FILTERS: RankedFilters = {
  statusCategory: 'open',
  level: 'leaf',
  segment: '',
  sourceKind: '',
  journeyStage: '',
  query: '',
  sort: 'score'
};

export const STATUS_CATEGORY_LABELS: Readonly<Record<StatusCategoryFilter, string>> = {
  open: 'Open work',
  done: 'Done',
  all: 'All statuses'
};

export const LEVEL_LABELS: Readonly<Record<LevelFilter, string>> = {
  leaf: 'Leaf work items',
  // Every level above stories: epics, and initiatives or custom levels where Jira has them.
  epic: 'Epics and above',
  standard: 'Stories and other standard issues',
  subtask: 'Sub-tasks'
};

/** Column names of the sorts, as the table heads them. */
export const SORT_LABELS: Readonly<Record<RankSort, string>> = {
  score: 'Score',
  accounts: 'Accounts',
  revenue: 'ARR at stake',
  newest: 'Newest evidence'
};

/** Rows per ranked page: the read model serves 50 in one storage call at any project size. */
export const RANKED_PAGE = 50;

/** The `project/rankedIssues` payload for the filters; "any" filters are left out. */
export function rankedPayload(filters: RankedFilters, cursor?: string): PayloadOf<'project/rankedIssues'> {
  const query = filters.query.trim();
  return {
    limit: RANKED_PAGE,
    statusCategory: filters.statusCategory,
    // Leaf work items are told apart on the page, among the issues of every level.
    level: filters.level === 'leaf' ? 'all' : filters.level,
    ...(filters.sort === 'score' ? {} : { sort: filters.sort }),
    ...(filters.segment === '' ? {} : { segment: filters.segment }),
    ...(filters.sourceKind === '' ? {} : { sourceKind: filters.sourceKind }),
    ...(filters.journeyStage === '' ? {} : { journeyStage: filters.journeyStage }),
    ...(query === '' ? {} : { query }),
    ...(cursor === undefined ? {} : { cursor })
  };
}

const LISTED: Readonly<Record<LevelFilter, string>> = {
  leaf: 'issues at every level',
  epic: 'epics and above',
  standard: 'stories and other standard issues',
  subtask: 'sub-tasks'
};

/**
 * The filters in one sentence, saying what each one does: the evidence filters choose
 * which issues are listed, never what their scores count.
 */
export function describeFilters(filters: RankedFilters): string {
  const status =
    filters.statusCategory === 'open' ? 'Open ' : filters.statusCategory === 'done' ? 'Done ' : 'All ';
  const parts = [`${status}${LISTED[filters.level]}`];
  const evidence: string[] = [];
  if (filters.segment !== '') evidence.push(`${SEGMENT_LABELS[filters.segment]} accounts`);
  if (filters.sourceKind !== '') evidence.push(`source “${SOURCE_KIND_LABELS[filters.sourceKind]}”`);
  if (filters.journeyStage !== '') evidence.push(`stage “${JOURNEY_STAGE_LABELS[filters.journeyStage]}”`);
  if (evidence.length > 0) parts.push(`with evidence from ${evidence.join(' and ')}`);
  const query = filters.query.trim();
  if (query !== '') parts.push(`matching “${query}”`);
  let sentence = `${parts.join(', ')}, sorted by ${SORT_LABELS[filters.sort].toLowerCase()} (highest first).`;
  if (evidence.length > 0) sentence += ' Scores and the chart still count all of each issue’s evidence.';
  return sentence;
}
