import { fingerprint } from '../fingerprint';
import type { InsightInput, InsightPatch } from '../insight';

/**
 * The idempotency key an intake item leaves on its insight: a digest of what the source
 * sent, as mapped. A redelivery with the same digest changes nothing (and costs no
 * write); another digest means the ticket was edited at the source. Comparing with what
 * the source sent, not with the insight, keeps a curator's later edits from looking like
 * a change at the source. An undated item's digest leaves out the date it was given on
 * receipt, so a redelivery of it is still a duplicate.
 */
export function intakeImportKey(input: InsightInput, undated = false): string {
  return `intake-${fingerprint(undated ? { ...input, observedAt: null } : input)}`;
}

/**
 * The edit an updated item makes: every field the source sent. Fields the source does
 * not send (a journey stage, an account Intercom never names) keep what curators set.
 */
export function intakePatch(input: InsightInput, undated = false): InsightPatch {
  const patch: InsightPatch = {
    summary: input.summary,
    quote: input.quote,
    sourceKind: input.sourceKind,
    severity: input.severity,
    sentiment: input.sentiment,
    tags: input.tags
  };
  // An undated item keeps the date of its first receipt.
  if (!undated) patch.observedAt = input.observedAt;
  if (input.sourceUrl !== undefined) patch.sourceUrl = input.sourceUrl;
  if (input.account !== undefined) patch.account = input.account;
  if (input.journeyStage !== undefined) patch.journeyStage = input.journeyStage;
  return patch;
}
