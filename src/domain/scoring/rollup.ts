/**
 * The evidence an issue scores on: its own links plus those of every descendant
 * (epic → story → sub-task), each insight once. An epic scores the *union* of the
 * evidence on itself and its descendants, never the sum of its children's scores:
 * summing would count an account twice when it backs two stories, and would let the
 * epic's score drift from what its breakdown shows.
 *
 * Union by insightId, own items winning over a descendant's copy; order is stable
 * (own items in their order, then descendants' items not already present).
 */
export function rollUpEvidence<T extends { insightId: string }>(
  own: readonly T[],
  descendants: readonly T[]
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...own, ...descendants]) {
    if (seen.has(item.insightId)) continue;
    seen.add(item.insightId);
    out.push(item);
  }
  return out;
}
