import { orderCards, type EvidenceCard } from './impact';

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
  it('orders by severity desc, then newest, then insightId, whatever the accounts', () => {
    const cards = [
      card('anon-old', '2024-01-01T00:00:00.000Z'),
      card('acme-1', '2024-05-01T00:00:00.000Z', 'acme'),
      { ...card('low-new', '2024-05-31T00:00:00.000Z'), severity: 'low' as const },
      { ...card('critical-old', '2023-01-01T00:00:00.000Z'), severity: 'critical' as const },
      card('anon-new', '2024-05-30T00:00:00.000Z'),
      card('acme-2', '2024-05-20T00:00:00.000Z', 'acme'),
      card('anon-b', '2024-05-30T00:00:00.000Z')
    ];
    expect(orderCards(cards).map((c) => c.insightId)).toEqual([
      'critical-old',
      'anon-b',
      'anon-new',
      'acme-2',
      'acme-1',
      'anon-old',
      'low-new'
    ]);
  });

  it('does not mutate its input', () => {
    const cards = [card('a', '2024-01-01T00:00:00.000Z'), card('b', '2024-05-31T00:00:00.000Z')];
    expect(orderCards(cards).map((c) => c.insightId)).toEqual(['b', 'a']);
    expect(cards.map((c) => c.insightId)).toEqual(['a', 'b']);
  });
});
