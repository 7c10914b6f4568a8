import type { IssueImpact } from './impact';
import { redactAccount, redactImpact, type AliasOf } from './redact';
import type { Contribution } from './scoring/score';

const aliasOf: AliasOf = (key) => ({ key: `alias-${key.length}`, name: `Customer ${key.length}` });

function contribution(key: string | undefined, points: number): Contribution {
  return {
    group: key ?? 'anon:i9',
    ...(key ? { accountKey: key, accountName: key.toUpperCase() } : {}),
    anonymous: key === undefined,
    insightIds: ['i1'],
    severity: 'high',
    severityWeight: 4,
    arr: key ? 250_000 : 0,
    revenueFactor: key ? 2.4 : 1,
    segment: 'enterprise',
    segmentWeight: 1.5,
    newestObservedAt: '2026-11-01T00:00:00.000Z',
    ageDays: 3,
    recencyFactor: 0.98,
    points
  };
}

const impact: IssueImpact = {
  issueId: '10001',
  projectId: '10000',
  score: {
    score: 30,
    contributions: [contribution('globex', 20), contribution('acme-corp', 9), contribution(undefined, 1)],
    uniqueAccounts: 2,
    anonymousVoices: 1,
    arrAtStake: 500_000,
    insightCount: 3,
    formulaVersion: 1,
    settingsHash: 'h',
    computedAt: '2026-11-04T00:00:00.000Z'
  },
  cards: [],
  totalCards: 0,
  facets: { segments: { enterprise: 29 }, stages: { usage: 30 }, sourceKinds: { ticket: 3 } },
  updatedAt: '2026-11-04T00:00:00.000Z'
};

it('keeps totals and counts, and leaves no name, key, revenue or per-account points', () => {
  const masked = redactImpact(impact, aliasOf);
  expect(masked.score).toMatchObject({
    score: 30,
    uniqueAccounts: 2,
    anonymousVoices: 1,
    insightCount: 3,
    arrAtStake: 0
  });
  const text = JSON.stringify(masked);
  for (const secret of ['globex', 'acme', 'GLOBEX', '250000', '500000', '2.4'])
    expect(text).not.toContain(secret);
  for (const c of masked.score.contributions)
    expect(c).toMatchObject({ arr: 0, revenueFactor: 0, points: 0 });
  expect(masked.facets).toEqual({ segments: {}, stages: {}, sourceKinds: { ticket: 3 } });
});

it('lists contributions by alias, so their order says nothing about their points', () => {
  const masked = redactImpact(impact, aliasOf);
  expect(masked.score.contributions.map((c) => c.group)).toEqual(['alias-6', 'alias-9', 'anon:i9']);
  expect(masked.score.contributions[0]).toMatchObject({
    accountKey: 'alias-6',
    accountName: 'Customer 6',
    severity: 'high'
  });
});

it('masks a stored account under its alias', () => {
  const account = {
    key: 'acme-corp',
    name: 'Acme Corp',
    segment: 'smb' as const,
    arr: 9000,
    updatedAt: 'x',
    version: 2
  };
  expect(redactAccount(account, aliasOf)).toEqual({ ...account, key: 'alias-9', name: 'Customer 9', arr: 0 });
});
