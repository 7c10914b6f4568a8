import type { PrivacySettings } from './privacy';

/**
 * The `customer-impact` issue property that Jira indexes for JQL (`customerImpact`,
 * `customerAccounts`, `customerArr`, `customerInsights`) and the value of the
 * read-only "Customer impact" field.
 */
export interface ImpactProperty {
  score: number;
  accounts: number;
  /** Omitted when revenue is restricted: any user who can browse the issue can read a property. */
  arr?: number;
  insights: number;
  formulaVersion: number;
}

export const IMPACT_PROPERTY_KEY = 'customer-impact';
export const IMPACT_FIELD_MODULE_KEY = 'customer-impact-field';

/** What Jira shows for an issue, from its stored impact (or zeros once evidence is gone). */
export function impactProperty(
  impact:
    | { score: number; accounts: number; arr: number; insightCount: number; formulaVersion: number }
    | undefined,
  privacy: PrivacySettings,
  formulaVersion: number
): ImpactProperty {
  const value: ImpactProperty = {
    score: impact?.score ?? 0,
    accounts: impact?.accounts ?? 0,
    insights: impact?.insightCount ?? 0,
    formulaVersion: impact?.formulaVersion ?? formulaVersion
  };
  // Revenue goes to Jira only when every user may see it: Jira does not apply the
  // app's privacy groups to issue properties.
  if (!privacy.restrictIdentity) value.arr = impact?.arr ?? 0;
  return value;
}
