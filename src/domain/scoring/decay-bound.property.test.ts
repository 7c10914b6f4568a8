import fc from 'fast-check';
import { SEGMENTS, SEVERITIES } from '../vocabulary';
import { decayBound, DECAY_SKIP_BELOW, type StoredScore } from './decay-bound';
import { scoreEvidence, type ImpactScore, type ScoringItem } from './score';
import { parseScoringSettings, type ScoringSettings } from './settings';

const computedAt = new Date('2026-06-01T00:00:00.000Z');
const MINUTE = 60_000;

const weight = fc.double({ min: 0, max: 100, noNaN: true });
const settingsArb: fc.Arbitrary<ScoringSettings> = fc
  .record({
    low: fc.double({ min: 0, max: 25, noNaN: true }),
    steps: fc.tuple(weight, weight, weight),
    seg: fc.tuple(weight, weight, weight, weight, weight),
    curve: fc.constantFrom('log' as const, 'linear' as const, 'none' as const),
    halfLifeDays: fc.double({ min: 1, max: 3650, noNaN: true }),
    floor: fc.double({ min: 0, max: 1, noNaN: true })
  })
  .map(({ low, steps: [a, b, c], seg, curve, halfLifeDays, floor }) =>
    parseScoringSettings({
      severityWeights: { low, medium: low + a / 4, high: low + (a + b) / 4, critical: low + (a + b + c) / 4 },
      segmentWeights: Object.fromEntries(SEGMENTS.map((s, i) => [s, seg[i]])),
      revenue: { curve, unit: 1000 },
      recency: { halfLifeDays, floor }
    })
  );

/** Evidence from two days in the future to ten years back, from a few accounts or none. */
const itemsArb: fc.Arbitrary<ScoringItem[]> = fc
  .array(
    fc.record({
      severity: fc.constantFrom(...SEVERITIES),
      ageMinutes: fc.integer({ min: -2 * 1440, max: 3650 * 1440 }),
      account: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      segment: fc.constantFrom(...SEGMENTS),
      arr: fc.integer({ min: 0, max: 5_000_000 })
    }),
    { maxLength: 8 }
  )
  .map((bodies) =>
    bodies.map((b, i) => {
      const item: ScoringItem = {
        insightId: `i${i}`,
        severity: b.severity,
        observedAt: new Date(computedAt.getTime() - b.ageMinutes * MINUTE).toISOString()
      };
      if (b.account !== undefined) {
        // One snapshot per account, so accounts do not disagree with themselves.
        item.accountKey = `a${b.account}`;
        item.segment = SEGMENTS[b.account % SEGMENTS.length]!;
        item.arr = b.account * 100_000;
      }
      return item;
    })
  );

/** Up to sixty days later, in minutes, often exactly a day. */
const elapsedArb = fc.oneof(fc.constant(1440), fc.integer({ min: 0, max: 60 * 1440 }));

const stored = (score: ImpactScore): StoredScore => ({
  score: score.score,
  computedAt: score.computedAt,
  contributions: score.contributions.length,
  ...(score.lastEvidenceAt === undefined ? {} : { lastEvidenceAt: score.lastEvidenceAt })
});

describe('decayBound', () => {
  it('bounds how far the score of unchanged evidence falls: 0 when every account is at the floor', () => {
    fc.assert(
      fc.property(settingsArb, itemsArb, elapsedArb, (settings, items, elapsed) => {
        const before = scoreEvidence(items, settings, computedAt);
        const now = new Date(computedAt.getTime() + elapsed * MINUTE);
        const after = scoreEvidence(items, settings, now);
        const bound = decayBound(stored(before), settings.recency, now);
        // Accounts above the floor: each may tip its rounding by one hundredth.
        const young = before.contributions.filter((c) => c.recencyFactor > settings.recency.floor).length;
        const fall = before.score - after.score;
        expect(fall).toBeGreaterThanOrEqual(-1e-9); // decay never raises a score
        if (bound === 0) expect(after.score).toBe(before.score);
        expect(fall).toBeLessThanOrEqual(bound + 0.01 * young + 1e-9);
        if (bound < DECAY_SKIP_BELOW) expect(fall).toBeLessThanOrEqual(0.01 * young + 1e-9);
      }),
      { numRuns: 2000 }
    );
  });

  it('is 0 for evidence older than the floor age, and grows with the time since the score', () => {
    const settings = parseScoringSettings({ recency: { halfLifeDays: 90, floor: 0.2 } });
    const old = [{ insightId: 'i1', severity: 'high' as const, observedAt: '2025-06-01T00:00:00.000Z' }];
    const young = [{ insightId: 'i2', severity: 'high' as const, observedAt: '2026-05-01T00:00:00.000Z' }];
    const dayLater = new Date(computedAt.getTime() + 1440 * MINUTE);
    const weekLater = new Date(computedAt.getTime() + 7 * 1440 * MINUTE);
    expect(decayBound(stored(scoreEvidence(old, settings, computedAt)), settings.recency, weekLater)).toBe(0);
    const youngScore = stored(scoreEvidence(young, settings, computedAt));
    const day = decayBound(youngScore, settings.recency, dayLater);
    expect(day).toBeGreaterThan(DECAY_SKIP_BELOW);
    expect(decayBound(youngScore, settings.recency, weekLater)).toBeGreaterThan(day);
    expect(decayBound(youngScore, settings.recency, computedAt)).toBe(0);
  });
});
