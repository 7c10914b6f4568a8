import type { AccessView } from '../../../src/contract/views';

/**
 * One line for a user who is shown fewer actions than others: what they may do, what
 * is missing, and who can grant it. Without it, a missing button reads like a fault.
 */
export const PANEL_READ_ONLY =
  'You can read this evidence. Adding or linking needs permission to edit this issue.';

export const NOT_A_CONTRIBUTOR =
  'Capturing and importing is for this project’s contributors. Ask a Jira admin to add you on the app’s admin page.';

export const NOT_A_CURATOR =
  'Merging, dismissing and deleting insights is for this project’s curators. Ask a Jira admin to add you on the app’s admin page.';

/** Why the project page offers no capture or import (contributors only), once access is known. */
export function contributorReason(access: AccessView): string | undefined {
  return access.canContribute ? undefined : NOT_A_CONTRIBUTOR;
}

/** Why the library offers a contributor no triage actions (curators only). */
export function curatorReason(access: AccessView): string | undefined {
  return access.canContribute && !access.canCurate ? NOT_A_CURATOR : undefined;
}
