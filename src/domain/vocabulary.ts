import { z } from 'zod';

/**
 * The closed vocabularies of the domain. Each list is the single source of truth for
 * its type, its schema and the UI's pickers, so adding a value is a one-line change.
 */

/** Where a piece of customer evidence came from. */
export const SOURCE_KINDS = [
  'ticket',
  'interview',
  'survey',
  'nps',
  'sales_call',
  'review',
  'social',
  'other'
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SourceKindSchema = z.enum(SOURCE_KINDS);

/** How badly the customer is hurt; ordered from least to most severe. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SeveritySchema = z.enum(SEVERITIES);

/** Rank of a severity for comparisons: low 0, medium 1, high 2, critical 3. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export const SENTIMENTS = ['negative', 'neutral', 'positive', 'mixed'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const SentimentSchema = z.enum(SENTIMENTS);

export const JOURNEY_STAGES = [
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'usage',
  'support',
  'renewal'
] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];
export const JourneyStageSchema = z.enum(JOURNEY_STAGES);

/**
 * Lifecycle of an insight: 'new' is unlinked and waits in the triage inbox, 'linked'
 * backs at least one issue, 'addressed' was shipped, 'dismissed' was marked not actionable.
 */
export const INSIGHT_STATUSES = ['new', 'linked', 'addressed', 'dismissed'] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];
export const InsightStatusSchema = z.enum(INSIGHT_STATUSES);

export const SEGMENTS = ['enterprise', 'mid_market', 'smb', 'self_serve', 'unknown'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const SegmentSchema = z.enum(SEGMENTS);
