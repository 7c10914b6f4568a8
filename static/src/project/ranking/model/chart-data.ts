import type { RankedIssueView } from '../../../../../src/contract/views';
import type { JourneyStage, Segment } from '../../../../../src/domain/vocabulary';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS } from '../../../shared/labels';
import type { LevelFilter } from './ranked-filters';

export type ChartDimension = 'segment' | 'stage';

export interface ChartBar {
  key: string;
  label: string;
  /** Score points, rounded to 2 decimals. */
  value: number;
}

const STAGE_LABELS: Readonly<Record<JourneyStage | 'unknown', string>> = {
  ...JOURNEY_STAGE_LABELS,
  unknown: 'No stage'
};

/**
 * The listed issues the chart counts. An issue's points include its descendants'
 * evidence, so summing a parent and its children counts that evidence twice. For leaf
 * work items the chart leaves out every issue that is an ancestor of another listed
 * issue; a single level lists no issue with its own ancestor, so all are counted.
 */
export function countedRows(rows: readonly RankedIssueView[], level: LevelFilter): RankedIssueView[] {
  if (level !== 'leaf') return [...rows];
  const parents = new Set(rows.flatMap((row) => row.ancestorIds ?? []));
  return rows.filter((row) => !parents.has(row.issueId));
}

/** What the chart counts, in words, for its caption. */
export function chartCaption(level: LevelFilter, counted: number, listed: number): string {
  const issues = (n: number): string => `${n} issue${n === 1 ? '' : 's'}`;
  const twice = 'An insight linked to two of them counts for both.';
  switch (level) {
    case 'leaf':
      return (
        `Score points of the ${issues(counted)} listed with no child listed (of ${listed}), so evidence ` +
        `under an epic or story is counted once, at the lowest level listed. Evidence linked ` +
        `directly to a parent whose children are listed is left out. ${twice}`
      );
    case 'epic':
      return `Score points of the ${issues(counted)} listed, epics and above: each includes the evidence of its stories and sub-tasks. ${twice}`;
    case 'standard':
      return `Score points of the ${issues(counted)} listed, stories and other standard issues: each includes its sub-tasks’ evidence. ${twice}`;
    case 'subtask':
      return `Score points of the ${issues(counted)} listed, sub-tasks only. ${twice}`;
  }
}

/**
 * Where the impact of the counted issues comes from: each issue's facet points summed
 * by segment or by journey stage, largest first, zero bars left out.
 */
export function impactBy(rows: readonly RankedIssueView[], dimension: ChartDimension): ChartBar[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const facet = dimension === 'segment' ? row.facets?.segments : row.facets?.stages;
    for (const [key, points] of Object.entries(facet ?? {})) {
      if (typeof points === 'number' && points > 0) totals.set(key, (totals.get(key) ?? 0) + points);
    }
  }
  const labelOf = (key: string): string =>
    dimension === 'segment'
      ? (SEGMENT_LABELS[key as Segment] ?? key)
      : (STAGE_LABELS[key as JourneyStage | 'unknown'] ?? key);
  return [...totals.entries()]
    .map(([key, value]) => ({ key, label: labelOf(key), value: Math.round(value * 100) / 100 }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}
