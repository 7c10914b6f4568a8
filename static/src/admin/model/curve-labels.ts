import type { RevenueCurve } from './scoring-form';

export const CURVE_LABELS: Readonly<Record<RevenueCurve, string>> = {
  log: 'Logarithmic',
  linear: 'Linear',
  none: 'None (ignore revenue)'
};

/** What each curve does to an account's points, with the formula. */
export const CURVE_HELP: Readonly<Record<RevenueCurve, string>> = {
  log: 'Points × (1 + log10(1 + ARR ÷ unit)): bigger accounts count more, with diminishing returns.',
  linear: 'Points × (1 + ARR ÷ unit): an account counts in proportion to its ARR.',
  none: 'Revenue is ignored: every account counts the same.'
};
