import { TOP_LEVEL } from '../domain/ancestry';
import { NotFoundError } from '../domain/errors';
import { orderCards, type EvidenceCard } from '../domain/impact';
import { myPermissions } from '../jira/my-permissions';
import { getAccounts } from '../storage/account-store';
import { getImpact } from '../storage/impact-store';
import { readPanelState } from '../storage/privacy-store';
import { installationAliases } from './account-aliases';
import { identityAllowed, maskedRedaction, redactionFor } from './identity-access';
import { requireIssueBrowse } from './issue-access';
import { getInsights } from '../storage/insight-store';
import { linksUnder } from '../storage/link-store';
import type { Page } from '../contract/result';
import type { PanelView } from '../contract/views';
import { FIRST_PAGE_CARDS } from '../domain/scoring/impact-ledger';
import { collectCards } from './build-impact';
import { visibleCards, visibleImpact } from './visible-evidence';

/**
 * The panel's first paint for the issue in Forge's context: one storage read and no
 * Jira call when the user's access to the issue is cached (see issue-access); a user
 * who may not browse the issue is refused, cache or not.
 */
export async function readContextEvidence(
  issueId: string,
  projectId: string,
  accountId: string
): Promise<PanelView> {
  // The read model, the privacy settings, the user's cached access and the alias key in
  // one batch: masked or not, the answer costs one storage call.
  const state = await readPanelState(issueId, accountId);
  await requireIssueBrowse(accountId, issueId, { access: state.issueAccess });
  // Restricted descendants cost one Jira call; without any the read stays at one storage call.
  const impact = await visibleImpact(state.impact?.readModel ?? null, issueId);
  const view: PanelView = { issueId, projectId, impact };
  const allowed = await identityAllowed(accountId, { privacy: state.privacy, access: state.access }).catch(
    () => false
  );
  const redaction = allowed
    ? await redactionFor(true)
    : maskedRedaction(await installationAliases(state.aliasSecret));
  return redaction.panel(view);
}

/**
 * Evidence of an issue of the project page's project (the id comes from the payload):
 * the issue must belong to that project and the user must be able to browse it.
 */
export async function readIssueEvidence(issueId: string, projectId: string): Promise<PanelView> {
  const [access, record] = await Promise.all([myPermissions({ issueId }), getImpact(issueId)]);
  if (!access.browse || (record && record.projectId !== projectId))
    throw new NotFoundError('Issue does not exist or you do not have permission to see it.');
  return { issueId, projectId, impact: await visibleImpact(record?.readModel ?? null, issueId) };
}

/**
 * Cards after the first page (which ships with the read model). The cursor is an offset
 * into the issue's ordered evidence; the order is the stored score's.
 */
export async function listCards(issueId: string, cursor: string | undefined): Promise<Page<EvidenceCard>> {
  const offset = cursor === undefined ? FIRST_PAGE_CARDS : Number.parseInt(cursor, 10);
  if (!Number.isInteger(offset) || offset < 0)
    throw new NotFoundError('That page of evidence no longer exists.');
  const record = await getImpact(issueId);
  if (!record) return { items: [] };
  const links = await linksUnder(issueId, record.ancestorPath ?? TOP_LEVEL);
  const accountKeys = links.map((l) => l.accountKey).filter((k): k is string => k !== undefined);
  const [insights, accounts] = await Promise.all([
    getInsights(links.map((l) => l.insightId)),
    getAccounts(accountKeys)
  ]);
  const cards = orderCards(collectCards({ issueId, links, insights, accounts }));
  const pageSize = FIRST_PAGE_CARDS;
  const items = await visibleCards(cards.slice(offset, offset + pageSize), links, issueId);
  const next = offset + pageSize;
  return next < cards.length ? { items, cursor: String(next) } : { items };
}
