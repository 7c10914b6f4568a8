import { ValidationError } from '../errors';
import {
  DEFAULT_SCORING_SETTINGS,
  parseScoringSettings,
  settingsHash,
  type ScoringSettings
} from './settings';

function paths(input: unknown): string[] {
  try {
    parseScoringSettings(input);
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldIssues.map((i) => i.path);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('parseScoringSettings', () => {
  it('returns the documented defaults for empty input', () => {
    const expected: ScoringSettings = {
      severityWeights: { low: 1, medium: 2, high: 4, critical: 8 },
      segmentWeights: { enterprise: 1.5, mid_market: 1.2, smb: 1, self_serve: 0.8, unknown: 1 },
      revenue: { curve: 'log', unit: 1000 },
      recency: { halfLifeDays: 90, floor: 0.2 }
    };
    expect(parseScoringSettings(undefined)).toEqual(expected);
    expect(parseScoringSettings(null)).toEqual(expected);
    expect(parseScoringSettings({})).toEqual(expected);
    expect(DEFAULT_SCORING_SETTINGS).toEqual(expected);
  });

  it('merges a partial input over the defaults, one section deep', () => {
    const s = parseScoringSettings({
      recency: { floor: 0 },
      severityWeights: { critical: 10 },
      revenue: { curve: 'linear' }
    });
    expect(s.recency).toEqual({ halfLifeDays: 90, floor: 0 });
    expect(s.severityWeights).toEqual({ low: 1, medium: 2, high: 4, critical: 10 });
    expect(s.revenue).toEqual({ curve: 'linear', unit: 1000 });
  });

  it('does not share or mutate the defaults', () => {
    const s = parseScoringSettings({});
    s.severityWeights.low = 99;
    expect(DEFAULT_SCORING_SETTINGS.severityWeights.low).toBe(1);
  });

  it.each([
    ['negative weight', { segmentWeights: { smb: -1 } }, 'segmentWeights.smb'],
    ['weight over 100', { segmentWeights: { enterprise: 101 } }, 'segmentWeights.enterprise'],
    ['NaN weight', { severityWeights: { critical: Number.NaN } }, 'severityWeights.critical'],
    ['decreasing severity weights', { severityWeights: { high: 1 } }, 'severityWeights.high'],
    ['unknown curve', { revenue: { curve: 'sqrt' } }, 'revenue.curve'],
    ['zero unit', { revenue: { unit: 0 } }, 'revenue.unit'],
    ['half-life 0', { recency: { halfLifeDays: 0 } }, 'recency.halfLifeDays'],
    ['half-life over 3650', { recency: { halfLifeDays: 3651 } }, 'recency.halfLifeDays'],
    ['floor over 1', { recency: { floor: 1.5 } }, 'recency.floor'],
    ['unknown section', { bonus: 1 }, 'bonus'],
    ['unknown weight', { segmentWeights: { startup: 1 } }, 'segmentWeights.startup'],
    ['section of the wrong type', { recency: 5 }, 'recency']
  ])('rejects %s', (_label, input, path) => {
    expect(paths(input)).toContain(path);
  });

  it('rejects input that is not an object', () => {
    expect(() => parseScoringSettings('weights')).toThrow(ValidationError);
    expect(() => parseScoringSettings([1])).toThrow(ValidationError);
  });
});

describe('settingsHash', () => {
  it('is a short hex string and stable across calls', () => {
    const h = settingsHash(DEFAULT_SCORING_SETTINGS);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(settingsHash(parseScoringSettings({}))).toBe(h);
  });

  it('ignores key order', () => {
    const reordered: ScoringSettings = {
      recency: { floor: 0.2, halfLifeDays: 90 },
      revenue: { unit: 1000, curve: 'log' },
      segmentWeights: { unknown: 1, self_serve: 0.8, smb: 1, mid_market: 1.2, enterprise: 1.5 },
      severityWeights: { critical: 8, high: 4, medium: 2, low: 1 }
    };
    expect(settingsHash(reordered)).toBe(settingsHash(DEFAULT_SCORING_SETTINGS));
  });

  it('changes when any value changes', () => {
    const base = settingsHash(DEFAULT_SCORING_SETTINGS);
    const variants = [
      parseScoringSettings({ severityWeights: { critical: 9 } }),
      parseScoringSettings({ segmentWeights: { smb: 1.01 } }),
      parseScoringSettings({ revenue: { curve: 'none' } }),
      parseScoringSettings({ recency: { halfLifeDays: 91 } }),
      parseScoringSettings({ recency: { floor: 0.21 } })
    ].map(settingsHash);
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });
});
