import { screen, within } from '@testing-library/react';

/** The issue panel's evidence list is named by its heading, "Evidence (n)". */
const EVIDENCE_LIST = { name: /^Evidence \(\d+\)$/ };

/** The evidence cards on the panel, in the order a screen reader lists them. */
export function evidenceCards(): HTMLElement[] {
  return within(screen.getByRole('list', EVIDENCE_LIST)).getAllByRole('listitem');
}

/** The evidence cards, once the panel has loaded them. */
export async function findEvidenceCards(): Promise<HTMLElement[]> {
  return within(await screen.findByRole('list', EVIDENCE_LIST)).getAllByRole('listitem');
}
