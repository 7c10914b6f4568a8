import fc from 'fast-check';
import { SEGMENTS, SEVERITIES, severityRank, type Segment } from '../vocabulary';
import { scoreEvidence, type ScoringItem } from './score';
import { parseScoringSettings, type ScoringSettings } from './settings';

const now = new Date('2024-06-01T00:00:00.000Z');
const MINUTE = 60_000;

interface AccountSnap {
  key: string;
  name: string;
  segment: Segment;
  arr: number;
}

const weight = fc.double({ min: 0, max: 100, noNaN: true });
const increment = fc.double({ min: 0, max: 25, noNaN: true });

/** Any valid settings, severity weights non-decreasing as the schema requires. */
const settingsArb: fc.Arbitrary<ScoringSettings> = fc
  .record({
    inc: fc.tuple(increment, increment, increment, increment),
    seg: fc.tuple(weight, weight, weight, weight, weight),
    curve: fc.constantFrom('log' as const, 'linear' as const, 'none' as const),
    unit: fc.double({ min: 1, max: 1e6, noNaN: true }),
    halfLifeDays: fc.double({ min: 1, max: 3650, noNaN: true }),
    floor: fc.double({ min: 0, max: 1, noNaN: true })
  })
  .map(({ inc, seg, curve, unit, halfLifeDays, floor }) => {
    const [a, b, c, d] = inc;
    return parseScoringSettings({
      severityWeights: { low: a, medium: a + b, high: a + b + c, critical: a + b + c + d },
      segmentWeights: Object.fromEntries(SEGMENTS.map((s, i) => [s, seg[i]])),
      revenue: { curve, unit },
      recency: { halfLifeDays, floor }
    });
  });

/** A pool of accounts with one consistent snapshot each (the normal, non-stale case). */
const accountsArb: fc.Arbitrary<AccountSnap[]> = fc.uniqueArray(
  fc.record({
    key: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    name: fc.string({ minLength: 1, maxLength: 10 }),
    segment: fc.constantFrom(...SEGMENTS),
    arr: fc.double({ min: 0, max: 1e9, noNaN: true })
  }),
  { selector: (a) => a.key, maxLength: 6 }
);

/** An item body: severity, age (−2 … +1000 days, in minutes) and which account (or none). */
const bodyArb = fc.record({
  severity: fc.constantFrom(...SEVERITIES),
  ageMinutes: fc.integer({ min: -2 * 1440, max: 1000 * 1440 }),
  account: fc.option(fc.nat(), { nil: undefined })
});
type Body = typeof bodyArb extends fc.Arbitrary<infer B> ? B : never;

function toItem(id: string, body: Body, accounts: readonly AccountSnap[]): ScoringItem {
  const item: ScoringItem = {
    insightId: id,
    severity: body.severity,
    observedAt: new Date(now.getTime() - body.ageMinutes * MINUTE).toISOString()
  };
  const account =
    body.account === undefined || accounts.length === 0
      ? undefined
      : accounts[body.account % accounts.length];
  if (account)
    Object.assign(item, {
      accountKey: account.key,
      accountName: account.name,
      segment: account.segment,
      arr: account.arr
    });
  return item;
}

/** Items with unique insightIds, drawn against a consistent account pool. */
const evidenceArb = fc
  .record({
    accounts: accountsArb,
    bodies: fc.array(bodyArb, { maxLength: 25 }),
    extra: fc.array(bodyArb, { minLength: 1, maxLength: 10 })
  })
  .map(({ accounts, bodies, extra }) => ({
    accounts,
    items: bodies.map((b, i) => toItem(`i${i}`, b, accounts)),
    extra: extra.map((b, i) => toItem(`x${i}`, b, accounts))
  }));

const score = (items: readonly ScoringItem[], settings: ScoringSettings) =>
  scoreEvidence(items, settings, now).score;
const cents = (n: number) => Math.round(n * 100);

describe('scoreEvidence properties', () => {
  it('never lowers the score when evidence is added', () => {
    fc.assert(
      fc.property(evidenceArb, settingsArb, ({ items, extra }, settings) => {
        expect(score([...items, ...extra], settings)).toBeGreaterThanOrEqual(score(items, settings));
      })
    );
  });

  it('never raises the score when an insight is presented again', () => {
    fc.assert(
      fc.property(evidenceArb, settingsArb, fc.nat(), ({ items }, settings, pick) => {
        fc.pre(items.length > 0);
        const dup = items[pick % items.length] as ScoringItem;
        const again = { ...dup, sourceIssueId: 'another-issue' };
        expect(score([...items, again], settings)).toBe(score(items, settings));
      })
    );
  });

  it('never raises the score for more evidence from an account at no higher severity and no newer date', () => {
    fc.assert(
      fc.property(
        evidenceArb,
        settingsArb,
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 100_000 }),
        ({ items }, settings, pick, sev, olderBy) => {
          const named = items.filter((i) => i.accountKey !== undefined);
          fc.pre(named.length > 0);
          const anchor = named[pick % named.length] as ScoringItem;
          const group = named.filter((i) => i.accountKey === anchor.accountKey);
          const maxRank = Math.max(...group.map((i) => severityRank(i.severity)));
          const newest = Math.max(...group.map((i) => Date.parse(i.observedAt)));
          const added: ScoringItem = {
            ...anchor,
            insightId: 'added',
            severity: SEVERITIES[sev % (maxRank + 1)] ?? 'low',
            observedAt: new Date(newest - olderBy * MINUTE).toISOString()
          };
          const before = score(items, settings);
          const after = score([...items, added], settings);
          expect(after).toBeLessThanOrEqual(before);
          expect(after).toBe(before);
        }
      )
    );
  });

  it("depends only on an issue's own evidence (scoring B alongside does not change A)", () => {
    fc.assert(
      fc.property(evidenceArb, evidenceArb, settingsArb, (a, b, settings) => {
        const alone = scoreEvidence(a.items, settings, now);
        const batch = [a.items, b.items].map((items) => scoreEvidence(items, settings, now));
        expect(batch[0]).toEqual(alone);
        expect(scoreEvidence(a.items, settings, now)).toEqual(alone);
      })
    );
  });

  it('makes the contributions add up to the score exactly (in hundredths)', () => {
    fc.assert(
      fc.property(evidenceArb, settingsArb, ({ items, extra }, settings) => {
        const s = scoreEvidence([...items, ...extra], settings, now);
        const sum = s.contributions.reduce((acc, c) => acc + cents(c.points), 0);
        expect(sum).toBe(cents(s.score));
        // Each contribution is a whole number of hundredths, stored as cents / 100. An
        // absolute tolerance fails for revenue in the billions, where one unit in the last
        // place of points × 100 is already 0.03.
        for (const c of s.contributions) expect(c.points).toBe(cents(c.points) / 100);
        const plain = s.contributions.reduce((acc, c) => acc + c.points, 0);
        expect(Math.abs(plain - s.score)).toBeLessThanOrEqual(1e-9 * Math.max(1, s.score));
      })
    );
  });

  it('does not depend on the order of the items, even with conflicting duplicates', () => {
    const noisy = fc
      .record({
        accounts: accountsArb,
        bodies: fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), bodyArb), { maxLength: 25 })
      })
      .chain(({ accounts, bodies }) => {
        const items = bodies.map(([id, b]) => toItem(`i${id}`, b, accounts));
        return fc.tuple(
          fc.constant(items),
          fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length })
        );
      });
    fc.assert(
      fc.property(noisy, settingsArb, ([items, shuffled], settings) => {
        expect(scoreEvidence(shuffled, settings, now)).toEqual(scoreEvidence(items, settings, now));
      })
    );
  });
});

describe('scoreEvidence at scale', () => {
  it('scores 10 000 items', () => {
    const items: ScoringItem[] = Array.from({ length: 10_000 }, (_, i) => ({
      insightId: `i${i}`,
      accountKey: i % 5 === 0 ? undefined : `acct-${i % 1500}`,
      segment: SEGMENTS[i % SEGMENTS.length],
      arr: (i % 97) * 1000,
      severity: SEVERITIES[i % SEVERITIES.length] ?? 'low',
      observedAt: new Date(now.getTime() - (i % 700) * 86_400_000).toISOString()
    }));
    const s = scoreEvidence(items, parseScoringSettings({}), now);
    expect(s.insightCount).toBe(10_000);
    expect(s.anonymousVoices).toBe(2000);
    // keys acct-k with k % 5 ≠ 0 only, since 1500 is a multiple of 5
    expect(s.uniqueAccounts).toBe(1200);
    expect(s.contributions).toHaveLength(3200);
    expect(s.contributions.reduce((acc, c) => acc + cents(c.points), 0)).toBe(cents(s.score));
  });
});
