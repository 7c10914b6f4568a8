/** How long ago a customer said something, as the inbox groups it. */
export const INBOX_AGE_BANDS = ['week', 'month', 'older'] as const;
export type InboxAgeBand = (typeof INBOX_AGE_BANDS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The age band of feedback observed at `observedAt`, seen at `now`: under a week, under
 * thirty days, or older. The inbox counts and its filter both use it, so a count and the
 * list it opens agree.
 */
export function ageBand(observedAt: string, now: Date): InboxAgeBand {
  const age = now.getTime() - Date.parse(observedAt);
  if (age < 7 * DAY_MS) return 'week';
  if (age < 30 * DAY_MS) return 'month';
  return 'older';
}
