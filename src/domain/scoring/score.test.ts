import { ValidationError } from '../errors';
import { explainContribution, scoreEvidence, type ScoringItem } from './score';
import { DEFAULT_SCORING_SETTINGS, FORMULA_VERSION, parseScoringSettings, settingsHash } from './settings';

const now = new Date('2024-06-01T00:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY).toISOString();
/** Revenue switched off so hand-computed examples isolate the other factors. */
const flat = parseScoringSettings({ revenue: { curve: 'none' } });

const anon = (insightId: string, extra: Partial<ScoringItem> = {}): ScoringItem => ({
  insightId,
  severity: 'medium',
  observedAt: daysAgo(0),
  ...extra
});
const acme = (insightId: string, extra: Partial<ScoringItem> = {}): ScoringItem =>
  anon(insightId, { accountKey: 'acme', accountName: 'Acme', segment: 'smb', arr: 0, ...extra });

describe('scoreEvidence', () => {
  it('scores nothing as 0', () => {
    const s = scoreEvidence([], flat, now);
    expect(s).toEqual({
      score: 0,
      contributions: [],
      uniqueAccounts: 0,
      anonymousVoices: 0,
      arrAtStake: 0,
      insightCount: 0,
      formulaVersion: FORMULA_VERSION,
      settingsHash: settingsHash(flat),
      computedAt: now.toISOString()
    });
  });

  it('counts one account with three tickets once, at its highest severity', () => {
    const s = scoreEvidence(
      [
        acme('t1', { severity: 'low' }),
        acme('t2', { severity: 'critical' }),
        acme('t3', { severity: 'medium' })
      ],
      flat,
      now
    );
    // critical 8 × revenue 1 × smb 1 × fresh 1
    expect(s.score).toBe(8);
    expect(s.uniqueAccounts).toBe(1);
    expect(s.insightCount).toBe(3);
    expect(s.contributions).toHaveLength(1);
    expect(s.contributions[0]).toMatchObject({
      group: 'acme',
      accountKey: 'acme',
      severity: 'critical',
      severityWeight: 8,
      anonymous: false,
      points: 8
    });
    expect([...(s.contributions[0]?.insightIds ?? [])].sort()).toEqual(['t1', 't2', 't3']);
  });

  it('counts anonymous voices individually', () => {
    const s = scoreEvidence([anon('a1'), anon('a2')], flat, now);
    expect(s.score).toBe(4);
    expect(s.anonymousVoices).toBe(2);
    expect(s.uniqueAccounts).toBe(0);
    expect(s.contributions.map((c) => c.group)).toEqual(['anon:a1', 'anon:a2']);
  });

  it('counts an insight presented twice (roll-up) once', () => {
    const s = scoreEvidence(
      [anon('a1', { sourceIssueId: 'epic' }), anon('a1', { sourceIssueId: 'story' })],
      flat,
      now
    );
    expect(s.score).toBe(2);
    expect(s.insightCount).toBe(1);
  });

  it.each([
    [0, 2],
    [90, 1], // one half-life
    [180, 0.5], // two half-lives
    [360, 0.4], // 0.5^4 = 0.0625 is below the floor 0.2
    [-0.5, 2] // half a day in the future counts as age 0
  ])('decays evidence %p days old to %p points (medium, half-life 90, floor 0.2)', (age, points) => {
    expect(scoreEvidence([anon('a', { observedAt: daysAgo(age) })], flat, now).score).toBe(points);
  });

  it('uses the newest evidence of an account for recency', () => {
    const s = scoreEvidence(
      [
        acme('old', { observedAt: daysAgo(180), severity: 'critical' }),
        acme('new', { observedAt: daysAgo(90), severity: 'low' })
      ],
      flat,
      now
    );
    // critical 8 × recency of the newest (90 d → 0.5)
    expect(s.score).toBe(4);
    expect(s.contributions[0]?.newestObservedAt).toBe(daysAgo(90));
    expect(s.contributions[0]?.ageDays).toBe(90);
  });

  it.each([
    ['log', 9000, 4], // 2 × (1 + log10(1 + 9))
    ['log', 99000, 6], // 2 × (1 + log10(100))
    ['linear', 9000, 20], // 2 × (1 + 9)
    ['none', 9000, 2]
  ] as const)('applies the %s revenue curve to %p ARR', (curve, arr, points) => {
    const settings = parseScoringSettings({ revenue: { curve } });
    expect(scoreEvidence([acme('t', { arr })], settings, now).score).toBe(points);
  });

  it('multiplies every factor: the design brief example with defaults', () => {
    const s = scoreEvidence(
      [
        {
          insightId: 'i1',
          accountKey: 'acme',
          accountName: 'Acme',
          segment: 'enterprise',
          arr: 240000,
          severity: 'critical',
          observedAt: daysAgo(14)
        }
      ],
      DEFAULT_SCORING_SETTINGS,
      now
    );
    // 8 × (1 + log10(241)) × 1.5 × 0.5^(14/90) = 36.4359…
    expect(s.score).toBe(36.44);
    expect(s.arrAtStake).toBe(240000);
    const c = s.contributions[0];
    expect(c?.revenueFactor).toBeCloseTo(3.382017, 6);
    expect(c?.recencyFactor).toBeCloseTo(0.897787, 6);
    if (c) expect(explainContribution(c)).toBe('+36.44 · Acme · critical · $240k ARR · 14 d');
  });

  it('takes stale account data from the newest item, whatever the input order', () => {
    const older = acme('i1', {
      observedAt: daysAgo(30),
      segment: 'enterprise',
      arr: 500000,
      accountName: 'Acme Old'
    });
    const newer = acme('i2', { observedAt: daysAgo(1), segment: 'smb', arr: 9000, accountName: 'Acme' });
    for (const items of [
      [older, newer],
      [newer, older]
    ]) {
      const c = scoreEvidence(items, DEFAULT_SCORING_SETTINGS, now).contributions[0];
      expect(c).toMatchObject({
        arr: 9000,
        segment: 'smb',
        accountName: 'Acme',
        segmentWeight: 1,
        revenueFactor: 2
      });
    }
  });

  it('breaks stale-snapshot ties on equal dates by insightId', () => {
    const a = acme('a', { arr: 1000 });
    const b = acme('b', { arr: 2000 });
    expect(scoreEvidence([b, a], flat, now).contributions[0]?.arr).toBe(1000);
  });

  it('rounds each contribution to 2 decimals and sums the rounded points', () => {
    const third = parseScoringSettings({ revenue: { curve: 'none' }, segmentWeights: { unknown: 1 / 6 } });
    const s = scoreEvidence([anon('a'), anon('b'), anon('c')], third, now);
    // each 2 × 1/6 = 0.333… → 0.33; the score is 0.99, not round(1.00)
    expect(s.contributions.map((c) => c.points)).toEqual([0.33, 0.33, 0.33]);
    expect(s.score).toBe(0.99);
  });

  it('sorts contributions by points desc, then group', () => {
    const s = scoreEvidence(
      [anon('z', { severity: 'low' }), anon('b'), acme('t', { severity: 'high' }), anon('a')],
      flat,
      now
    );
    expect(s.contributions.map((c) => [c.group, c.points])).toEqual([
      ['acme', 4],
      ['anon:a', 2],
      ['anon:b', 2],
      ['anon:z', 1]
    ]);
  });

  it('reports accounts, ARR at stake and the last evidence date', () => {
    const s = scoreEvidence(
      [
        acme('1', { arr: 1000 }),
        acme('2', { arr: 1000, observedAt: daysAgo(3) }),
        anon('3', { observedAt: '2024-06-01T06:00:00Z' }),
        anon('4', { accountKey: 'globex', arr: 500 })
      ],
      flat,
      now
    );
    expect(s).toMatchObject({
      uniqueAccounts: 2,
      anonymousVoices: 1,
      arrAtStake: 1500,
      insightCount: 4,
      lastEvidenceAt: '2024-06-01T06:00:00.000Z'
    });
  });

  it('treats broken ARR as 0 instead of poisoning the score', () => {
    const s = scoreEvidence(
      [acme('a', { arr: Number.NaN }), anon('b', { accountKey: 'neg', arr: -5 })],
      DEFAULT_SCORING_SETTINGS,
      now
    );
    expect(s.arrAtStake).toBe(0);
    expect(Number.isFinite(s.score)).toBe(true);
  });

  it('refuses an unparseable date with its item path', () => {
    expect(() => scoreEvidence([anon('a'), anon('b', { observedAt: 'soon' })], flat, now)).toThrow(
      ValidationError
    );
    try {
      scoreEvidence([anon('a'), anon('b', { observedAt: 'soon' })], flat, now);
    } catch (e) {
      expect((e as ValidationError).fieldIssues).toEqual([
        { path: 'items.1.observedAt', message: 'Must be an ISO date' }
      ]);
    }
  });
});

describe('explainContribution', () => {
  const base = scoreEvidence([anon('a', { observedAt: daysAgo(3.7) })], flat, now).contributions[0];

  it('explains an anonymous voice without ARR', () => {
    if (base) expect(explainContribution(base)).toBe('+1.94 · Anonymous · medium · 3 d');
  });

  it('formats ARR compactly in the given currency and counts insights', () => {
    if (!base) throw new Error('no contribution');
    const c = { ...base, accountName: 'Globex', arr: 1_250_000, points: 12.4, insightIds: ['a', 'b', 'c'] };
    expect(explainContribution(c, 'EUR')).toBe('+12.4 · Globex · medium · €1.3m ARR · 3 d · 3 insights');
    expect(explainContribution({ ...c, arr: 950 }, 'XYZ')).toBe(
      '+12.4 · Globex · medium · XYZ 950 ARR · 3 d · 3 insights'
    );
  });
});
