import type { InsightView, PanelView, RankedIssueView, ShippedIssueView } from '../../../src/contract/views';
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

export function rankedRow(overrides: Partial<RankedIssueView> = {}): RankedIssueView {
  return {
    issueId: '10001',
    key: 'DEMO-1',
    summary: 'Faster CSV export',
    status: 'In Progress',
    statusCategory: 'indeterminate',
    issueType: 'Epic',
    hierarchyLevel: 1,
    assignee: 'Bob Builder',
    score: 42.5,
    accounts: 3,
    arr: 720_000,
    insightCount: 5,
    lastEvidenceAt: '2025-06-01T00:00:00.000Z',
    facets: {
      segments: { enterprise: 30, smb: 12.5 },
      stages: { usage: 40, unknown: 2.5 },
      sourceKinds: { ticket: 5 }
    },
    ...overrides
  };
}

export function insightView(overrides: Partial<InsightView> = {}): InsightView {
  return {
    id: 'ins-1',
    projectId: '10000',
    summary: 'Export to CSV times out',
    quote: 'We lose an hour every Monday.',
    sourceKind: 'ticket',
    sourceUrl: 'https://support.example.com/t/42',
    accountKey: 'acme',
    account: {
      key: 'acme',
      name: 'Acme',
      segment: 'enterprise',
      arr: 240_000,
      updatedAt: '2025-05-01T00:00:00.000Z',
      version: 1
    },
    severity: 'high',
    sentiment: 'negative',
    journeyStage: 'usage',
    observedAt: '2025-05-01T00:00:00.000Z',
    tags: ['export', 'csv'],
    status: 'new',
    linkCount: 0,
    createdAt: '2025-05-02T00:00:00.000Z',
    createdBy: 'user-1',
    updatedAt: '2025-05-02T00:00:00.000Z',
    version: 1,
    ...overrides
  };
}

export function shippedIssue(overrides: Partial<ShippedIssueView> = {}): ShippedIssueView {
  return {
    issueId: '10003',
    key: 'DEMO-3',
    summary: 'Scheduled CSV export',
    doneAt: '2025-06-12T09:00:00.000Z',
    score: 18.5,
    insightCount: 2,
    accounts: [
      { key: 'acme', name: 'Acme', arr: 240_000 },
      { key: 'globex', name: 'Globex', arr: 1_200_000 }
    ],
    insights: [
      {
        insightId: 'ins-1',
        summary: 'Export to CSV times out',
        sourceKind: 'ticket',
        sourceUrl: 'https://support.example.com/t/42'
      },
      {
        insightId: 'ins-2',
        summary: 'We export by hand every Monday',
        sourceKind: 'interview',
        sourceUrl: null
      }
    ],
    ...overrides
  };
}
