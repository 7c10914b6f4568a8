import { canonicalJson, fingerprint } from '../fingerprint';
import { z } from 'zod';
import { parseWith } from '../parse';
import { SEVERITIES, type Segment, type Severity } from '../vocabulary';

/** Bumped whenever `scoreEvidence` changes meaning, so stored scores can be recomputed. */
export const FORMULA_VERSION = 1;

const Weight = z
  .number({ error: 'Weight must be a finite number' })
  .min(0, 'Weight must not be negative')
  .max(100, 'Weight must be at most 100');

export const SeverityWeightsSchema = z
  .strictObject({ low: Weight, medium: Weight, high: Weight, critical: Weight })
  .superRefine((w, ctx) => {
    // "Max severity in group" must never lower a score, so weights may not decrease.
    for (let i = 1; i < SEVERITIES.length; i++) {
      const lower = SEVERITIES[i - 1] as Severity;
      const higher = SEVERITIES[i] as Severity;
      if (w[higher] < w[lower]) {
        ctx.addIssue({
          code: 'custom',
          path: [higher],
          message: `Must be at least the ${lower} weight (${w[lower]})`
        });
      }
    }
  });

export const SegmentWeightsSchema = z.strictObject({
  enterprise: Weight,
  mid_market: Weight,
  smb: Weight,
  self_serve: Weight,
  unknown: Weight
});

export const ScoringSettingsSchema = z.strictObject({
  severityWeights: SeverityWeightsSchema,
  segmentWeights: SegmentWeightsSchema,
  revenue: z.strictObject({
    curve: z.enum(['log', 'linear', 'none']),
    /** ARR per unit of the revenue curve: with 1000, $240k ARR is 240 units. */
    unit: z
      .number({ error: 'Unit must be a finite number' })
      .min(1, 'Unit must be at least 1')
      .max(1e9, 'Unit must be at most 1,000,000,000')
  }),
  recency: z.strictObject({
    halfLifeDays: z
      .number({ error: 'Half-life must be a finite number' })
      .min(1, 'Half-life must be at least 1 day')
      .max(3650, 'Half-life must be at most 3650 days'),
    floor: z
      .number({ error: 'Floor must be a finite number' })
      .min(0, 'Floor must be between 0 and 1')
      .max(1, 'Floor must be between 0 and 1')
  })
});

export interface ScoringSettings {
  severityWeights: Record<Severity, number>;
  segmentWeights: Record<Segment, number>;
  revenue: { curve: 'log' | 'linear' | 'none'; unit: number };
  recency: { halfLifeDays: number; floor: number };
}

export const DEFAULT_SCORING_SETTINGS: Readonly<ScoringSettings> = Object.freeze({
  severityWeights: Object.freeze({ low: 1, medium: 2, high: 4, critical: 8 }),
  segmentWeights: Object.freeze({ enterprise: 1.5, mid_market: 1.2, smb: 1, self_serve: 0.8, unknown: 1 }),
  revenue: Object.freeze({ curve: 'log' as const, unit: 1000 }),
  recency: Object.freeze({ halfLifeDays: 90, floor: 0.2 })
});

/**
 * Settings from the admin page or storage: a partial input is merged over the defaults
 * one section deep (so `{ recency: { floor: 0 } }` keeps the default half-life), then
 * validated as a whole. `undefined`/`null` yield the defaults. Returns a fresh object.
 *
 * @throws ValidationError with dotted paths such as `severityWeights.high`.
 */
export function parseScoringSettings(input: unknown): ScoringSettings {
  const defaults = DEFAULT_SCORING_SETTINGS as unknown as Record<string, Record<string, unknown>>;
  let merged: unknown = input;
  if (input === undefined || input === null) {
    merged = defaults;
  } else if (isPlainObject(input)) {
    const out: Record<string, unknown> = {};
    for (const [section, value] of Object.entries(defaults)) out[section] = { ...value };
    for (const [section, value] of Object.entries(input)) {
      const base = out[section];
      out[section] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
    }
    merged = out;
  }
  return parseWith(ScoringSettingsSchema, merged, 'scoring settings');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A short, deterministic fingerprint of the settings (16 hex chars), stored with every
 * score to tell which settings produced it.
 */
export function settingsHash(settings: ScoringSettings): string {
  return fingerprint(settings);
}

export { canonicalJson };
