import type { ScoringSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a stored score says about itself: enough to bound its decay without its evidence. */
export interface StoredScore {
  score: number;
  /** Newest evidence date; absent when the issue had none. */
  lastEvidenceAt?: string;
  computedAt: string;
  /** Accounts (and anonymous voices) the score sums: each was rounded to hundredths. */
  contributions: number;
}

/**
 * An upper bound on how far decay alone (same evidence, same settings) moves `stored`'s
 * points before their rounding, between its `computedAt` and `now`.
 *
 * Each account's points are `w × recency(age)` with `recency = max(floor, 0.5^(age/halfLife))`.
 * When even the newest evidence was at the floor at `computedAt`, every account was, and
 * stays there: the bound is 0, and the score cannot move at all. Otherwise an account's
 * recency over `Δ` days falls at most by the factor `0.5^(Δ/halfLife)` (its age grows by at
 * most Δ; future dates count as age 0), so its points fall at most by
 * `w × r × (1 − 0.5^(Δ/halfLife))`, where `w × r` is its stored (rounded) points plus at
 * most half a hundredth.
 *
 * The stored score sums points rounded per account, so a decay below the bound can still
 * tip one account's rounding: the rounded score can differ by at most the bound plus one
 * hundredth per account whose evidence is younger than the floor's age.
 */
export function decayBound(stored: StoredScore, recency: ScoringSettings['recency'], now: Date): number {
  if (stored.lastEvidenceAt === undefined || stored.contributions === 0) return 0;
  const computedMs = Date.parse(stored.computedAt);
  const newestMs = Date.parse(stored.lastEvidenceAt);
  // Unreadable dates bound nothing: the caller must recompute.
  if (Number.isNaN(computedMs) || Number.isNaN(newestMs)) return Infinity;
  const elapsedDays = Math.max(0, (now.getTime() - computedMs) / DAY_MS);
  if (elapsedDays === 0) return 0;
  // The very expression the scorer evaluates: at or below the floor, recency is the floor.
  const ageDays = Math.max(0, (computedMs - newestMs) / DAY_MS);
  if (Math.pow(0.5, ageDays / recency.halfLifeDays) <= recency.floor) return 0;
  const unrounded = stored.score + 0.005 * stored.contributions;
  return unrounded * (1 - Math.pow(0.5, elapsedDays / recency.halfLifeDays));
}

/**
 * A stored score rounded to hundredths cannot move by 0.01 through decay whose bound is
 * below half a hundredth (up to one account's rounding tipping, see `decayBound`).
 */
export const DECAY_SKIP_BELOW = 0.005;
