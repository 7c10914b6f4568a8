import type { PanelView } from '../../../src/contract/views';
import type { EvidenceCard, IssueImpact } from '../../../src/domain/impact';
import type { Contribution, ImpactScore } from '../../../src/domain/scoring/score';

export const ISSUE_ID = '10001';
export const NOW = new Date('2025-06-15T12:00:00Z');

export function card(overrides: Partial<EvidenceCard> = {}): EvidenceCard {
  return {
    insightId: 'ins-1',
    summary: 'Export to CSV times out',
    quote: 'We lose an hour every Monday waiting for the export.',
    sourceKind: 'ticket',
    sourceUrl: 'https://support.example.com/tickets/42',
    severity: 'critical',
    sentiment: 'negative',
    journeyStage: 'usage',
    observedAt: '2025-06-01T00:00:00.000Z',
    tags: ['export'],
    account: { key: 'acme', name: 'Acme', segment: 'enterprise', arr: 240_000 },
    linkedBy: 'user-1',
    linkedAt: '2025-06-02T00:00:00.000Z',
    note: 'Top-3 account, renewal in Q3',
    fromIssueId: ISSUE_ID,
    ...overrides
  };
}

export function contribution(overrides: Partial<Contribution> = {}): Contribution {
  return {
    group: 'acme',
    accountKey: 'acme',
    accountName: 'Acme',
    anonymous: false,
    insightIds: ['ins-1'],
    severity: 'critical',
    severityWeight: 3,
    arr: 240_000,
    revenueFactor: 3.38,
    segment: 'enterprise',
    segmentWeight: 1.5,
    newestObservedAt: '2025-06-01T00:00:00.000Z',
    ageDays: 14.5,
    recencyFactor: 0.82,
    points: 12.4,
    ...overrides
  };
}

export function score(overrides: Partial<ImpactScore> = {}): ImpactScore {
  return {
    score: 12.4,
    contributions: [contribution()],
    uniqueAccounts: 1,
    anonymousVoices: 0,
    arrAtStake: 240_000,
    insightCount: 1,
    lastEvidenceAt: '2025-06-01T00:00:00.000Z',
    formulaVersion: 1,
    settingsHash: 'abc',
    computedAt: '2025-06-15T00:00:00.000Z',
    ...overrides
  };
}

export function view(cards: EvidenceCard[] = [card()], impact: Partial<IssueImpact> = {}): PanelView {
  return {
    issueId: ISSUE_ID,
    projectId: '10000',
    impact: {
      issueId: ISSUE_ID,
      projectId: '10000',
      score: score(),
      cards,
      totalCards: cards.length,
      updatedAt: '2025-06-15T00:00:00.000Z',
      ...impact
    }
  };
}

export const EMPTY_VIEW: PanelView = { issueId: ISSUE_ID, projectId: '10000', impact: null };
