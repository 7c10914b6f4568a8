import type { RankedIssueView } from '../../../../../src/contract/views';
import type { JourneyStage, Segment } from '../../../../../src/domain/vocabulary';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS } from '../../../shared/labels';

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
 * Where the impact of the shown issues comes from: each issue's facet points summed
 * by segment or by journey stage, largest first, zero bars left out. An epic's facets
 * include its children's evidence, so with epics and stories shown together evidence
 * is counted at each level, just as their scores are.
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
