import type { JourneyStage, Segment, Sentiment, Severity, SourceKind } from '../../../src/domain/vocabulary';

/** Human labels for the domain vocabularies; keyed by the closed enums so none is missed. */

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  ticket: 'Support ticket',
  interview: 'Interview',
  survey: 'Survey',
  nps: 'NPS verbatim',
  sales_call: 'Sales call',
  review: 'Review',
  social: 'Social',
  other: 'Other'
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical'
};

export const SENTIMENT_LABELS: Readonly<Record<Sentiment, string>> = {
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
  mixed: 'Mixed'
};

export const JOURNEY_STAGE_LABELS: Readonly<Record<JourneyStage, string>> = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  purchase: 'Purchase',
  onboarding: 'Onboarding',
  usage: 'Usage',
  support: 'Support',
  renewal: 'Renewal'
};

export const SEGMENT_LABELS: Readonly<Record<Segment, string>> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-market',
  smb: 'SMB',
  self_serve: 'Self-serve',
  unknown: 'Unknown segment'
};

function isSourceKind(kind: string): kind is SourceKind {
  return Object.hasOwn(SOURCE_KIND_LABELS, kind);
}

/** A source kind's label where the contract types it as a plain string; an unknown kind shows as sent. */
export function sourceKindLabel(kind: string): string {
  return isSourceKind(kind) ? SOURCE_KIND_LABELS[kind] : kind;
}
