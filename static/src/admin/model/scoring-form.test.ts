import { DEFAULT_SCORING_SETTINGS } from '../../../../src/domain/scoring/settings';
import {
  mapScoringIssues,
  parseNumber,
  sameSettings,
  toFormValues,
  toScoringSettings,
  validateScoring
} from './scoring-form';

it('round-trips settings through the form values', () => {
  expect(toScoringSettings(toFormValues(DEFAULT_SCORING_SETTINGS))).toEqual(DEFAULT_SCORING_SETTINGS);
  expect(validateScoring(toFormValues(DEFAULT_SCORING_SETTINGS))).toMatchObject({ valid: true });
});

it('reads numbers strictly: empty and ambiguous input is not a number', () => {
  expect(parseNumber(' 0.5 ')).toBe(0.5);
  expect(parseNumber('10 000')).toBe(10000);
  expect(parseNumber('')).toBeNaN();
  expect(parseNumber('1,5')).toBeNaN();
  expect(parseNumber('abc')).toBeNaN();
});

it('puts schema and server issues on their fields, and the rest on the form', () => {
  expect(
    mapScoringIssues([
      { path: 'scoring.recency.floor', message: 'Floor must be between 0 and 1' },
      { path: 'recency.floor', message: 'second message for the same field' },
      { path: 'severityWeights.high', message: 'Must be at least the medium weight (2)' },
      { path: 'scoring', message: 'Expected an object' },
      { path: 'scoring.revenue.extra', message: 'Unknown field' }
    ])
  ).toEqual({
    fieldErrors: {
      'recency.floor': 'Floor must be between 0 and 1',
      'severityWeights.high': 'Must be at least the medium weight (2)'
    },
    formErrors: ['scoring: Expected an object', 'scoring.revenue.extra: Unknown field']
  });
});

it('validates with the shared schema', () => {
  const values = toFormValues(DEFAULT_SCORING_SETTINGS);
  values.numbers['recency.floor'] = '1.5';
  values.numbers['segmentWeights.smb'] = '';
  const result = validateScoring(values);
  expect(result.valid).toBe(false);
  expect(result.fieldErrors).toEqual({
    'recency.floor': 'Floor must be between 0 and 1',
    'segmentWeights.smb': 'Weight must be a finite number'
  });
});

it('compares settings by content, not key order', () => {
  const reordered = { ...DEFAULT_SCORING_SETTINGS, revenue: { unit: 1000, curve: 'log' as const } };
  expect(sameSettings(reordered, DEFAULT_SCORING_SETTINGS)).toBe(true);
});
