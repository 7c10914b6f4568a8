import { orderCards, type EvidenceCard } from './impact';
import { scoreEvidence } from './scoring/score';
import { parseScoringSettings } from './scoring/settings';

const now = new Date('2024-06-01T00:00:00.000Z');

function card(insightId: string, observedAt: string, account?: string): EvidenceCard {
  const c: EvidenceCard = {
    insightId,
    summary: insightId,
    quote: '',
    sourceKind: 'ticket',
    severity: 'medium',
    sentiment: 'neutral',
    observedAt,
    tags: [],
    linkedBy: 'u1',
    linkedAt: observedAt,
    note: '',
    fromIssueId: '10001'
  };
  if (account) c.account = { key: account, name: account, segment: 'enterprise', arr: 100000 };
  return c;
}

describe('orderCards', () => {
  it('orders by contribution points desc, then newest, then insightId', () => {
    const cards = [
      card('anon-old', '2024-01-01T00:00:00.000Z'),
      card('acme-1', '2024-05-01T00:00:00.000Z', 'acme'),
      card('anon-new', '2024-05-30T00:00:00.000Z'),
      card('acme-2', '2024-05-20T00:00:00.000Z', 'acme'),
      card('anon-b', '2024-05-30T00:00:00.000Z')
    ];
    const score = scoreEvidence(
      cards.map((c) => ({
        insightId: c.insightId,
        severity: c.severity,
        observedAt: c.observedAt,
        accountKey: c.account?.key,
        segment: c.account?.segment,
        arr: c.account?.arr
      })),
      parseScoringSettings({}),
      now
    );
    expect(orderCards(cards, score).map((c) => c.insightId)).toEqual([
      'acme-2',
      'acme-1',
      'anon-b',
      'anon-new',
      'anon-old'
    ]);
  });

  it('puts cards missing from the score last and does not mutate its input', () => {
    const cards = [card('stray', '2024-05-31T00:00:00.000Z'), card('a', '2024-01-01T00:00:00.000Z')];
    const score = scoreEvidence(
      [{ insightId: 'a', severity: 'low', observedAt: '2024-01-01T00:00:00.000Z' }],
      parseScoringSettings({}),
      now
    );
    expect(orderCards(cards, score).map((c) => c.insightId)).toEqual(['a', 'stray']);
    expect(cards.map((c) => c.insightId)).toEqual(['stray', 'a']);
  });
});
