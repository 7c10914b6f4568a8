import { NotFoundError } from '../domain/errors';
import type { Insight } from '../domain/insight';
import { getAccounts } from '../storage/account-store';
import { getInsight } from '../storage/insight-store';
import type { InsightView } from '../contract/views';

/**
 * Loads an insight of the project in Forge's context. One of another project is reported
 * as missing: an id in a payload grants nothing.
 */
export async function loadProjectInsight(insightId: string, projectId: string): Promise<Insight> {
  const insight = await getInsight(insightId);
  if (!insight || insight.projectId !== projectId)
    throw new NotFoundError('No such insight in this project.');
  return insight;
}

/** The insight as the library shows it, with its account. */
export async function withAccount(insight: Insight): Promise<InsightView> {
  if (!insight.accountKey) return insight;
  const account = (await getAccounts([insight.accountKey])).get(insight.accountKey);
  return account ? { ...insight, account } : insight;
}
