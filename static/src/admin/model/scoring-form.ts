import type { FieldIssue } from '../../../../src/domain/errors';
import { toFieldIssues } from '../../../../src/domain/parse';
import {
  ScoringSettingsSchema,
  canonicalJson,
  type ScoringSettings
} from '../../../../src/domain/scoring/settings';
import { SEGMENTS, SEVERITIES, type Segment, type Severity } from '../../../../src/domain/vocabulary';

export type RevenueCurve = ScoringSettings['revenue']['curve'];
export const REVENUE_CURVES: readonly RevenueCurve[] = ['log', 'linear', 'none'];

/** Every number on the form, named by its dotted path in `ScoringSettings`. */
export type NumberField =
  | `severityWeights.${Severity}`
  | `segmentWeights.${Segment}`
  | 'revenue.unit'
  | 'recency.halfLifeDays'
  | 'recency.floor';
export type ScoringField = NumberField | 'revenue.curve';

/** The scoring form as the admin edits it: numbers as the inputs hold them (strings). */
export interface ScoringFormValues {
  numbers: Record<NumberField, string>;
  curve: RevenueCurve;
}

export type ScoringFieldErrors = Partial<Record<ScoringField, string>>;

/** Form order, so focus goes to the first field that needs attention. */
export const SCORING_FIELDS: readonly ScoringField[] = [
  ...SEVERITIES.map((s) => `severityWeights.${s}` as const),
  ...SEGMENTS.map((s) => `segmentWeights.${s}` as const),
  'revenue.curve',
  'revenue.unit',
  'recency.halfLifeDays',
  'recency.floor'
];

export function toFormValues(s: ScoringSettings): ScoringFormValues {
  const numbers = {} as Record<NumberField, string>;
  for (const sev of SEVERITIES) numbers[`severityWeights.${sev}`] = String(s.severityWeights[sev]);
  for (const seg of SEGMENTS) numbers[`segmentWeights.${seg}`] = String(s.segmentWeights[seg]);
  numbers['revenue.unit'] = String(s.revenue.unit);
  numbers['recency.halfLifeDays'] = String(s.recency.halfLifeDays);
  numbers['recency.floor'] = String(s.recency.floor);
  return { numbers, curve: s.revenue.curve };
}

/**
 * `12`, ` 0.5 `, `10 000` → numbers; empty or anything else → NaN, so the shared
 * schema reports "must be a finite number" on that field. A comma is not accepted:
 * `1,5` could mean 1.5 or 15, and guessing would silently change a weight tenfold.
 */
export function parseNumber(text: string): number {
  const cleaned = text.replace(/[\s_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

/** The settings the form describes (possibly invalid: validate before sending). */
export function toScoringSettings(v: ScoringFormValues): ScoringSettings {
  const n = (field: NumberField): number => parseNumber(v.numbers[field]);
  return {
    severityWeights: {
      low: n('severityWeights.low'),
      medium: n('severityWeights.medium'),
      high: n('severityWeights.high'),
      critical: n('severityWeights.critical')
    },
    segmentWeights: {
      enterprise: n('segmentWeights.enterprise'),
      mid_market: n('segmentWeights.mid_market'),
      smb: n('segmentWeights.smb'),
      self_serve: n('segmentWeights.self_serve'),
      unknown: n('segmentWeights.unknown')
    },
    revenue: { curve: v.curve, unit: n('revenue.unit') },
    recency: { halfLifeDays: n('recency.halfLifeDays'), floor: n('recency.floor') }
  };
}

export interface MappedScoringIssues {
  fieldErrors: ScoringFieldErrors;
  /** Issues that belong to no field on this form. */
  formErrors: string[];
}

/**
 * Puts each issue on its field (first message per field wins). Server issues are
 * prefixed `scoring.` (the payload's key); the shared schema's own are not.
 */
export function mapScoringIssues(issues: readonly FieldIssue[]): MappedScoringIssues {
  const fieldErrors: ScoringFieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const local = issue.path.replace(/^scoring(\.|$)/, '');
    const field = SCORING_FIELDS.find((f) => f === local);
    if (field === undefined) formErrors.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    else fieldErrors[field] ??= issue.message;
  }
  return { fieldErrors, formErrors };
}

export type ScoringValidation =
  | { valid: true; settings: ScoringSettings; fieldErrors: ScoringFieldErrors; formErrors: string[] }
  | { valid: false; settings: null; fieldErrors: ScoringFieldErrors; formErrors: string[] };

/** Validates with the schema the backend uses, so both sides agree on every rule. */
export function validateScoring(values: ScoringFormValues): ScoringValidation {
  const parsed = ScoringSettingsSchema.safeParse(toScoringSettings(values));
  if (parsed.success) return { valid: true, settings: parsed.data, fieldErrors: {}, formErrors: [] };
  return { valid: false, settings: null, ...mapScoringIssues(toFieldIssues(parsed.error.issues)) };
}

export function firstInvalidField(errors: ScoringFieldErrors): ScoringField | undefined {
  return SCORING_FIELDS.find((f) => errors[f] !== undefined);
}

/** Same settings, whatever the key order: for "unsaved changes" and preview identity. */
export function sameSettings(a: ScoringSettings, b: ScoringSettings): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
