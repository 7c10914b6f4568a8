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
import { getLinkPairs, linksUnder } from '../storage/link-store';
import { cardsAfter } from '../storage/card-store';
import { linkKey } from '../storage/entities';
import type { Page } from '../contract/result';
import type { PanelView } from '../contract/views';
import { FIRST_PAGE_CARDS } from '../domain/scoring/impact-ledger';
import { collectCards, toCard } from './build-impact';
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

/** Cards per later page: as many as the first. */
const PAGE_CARDS = FIRST_PAGE_CARDS;

/**
 * Cards after the first page (which ships with the read model), in the same order: one
 * range read of the issue's card index, then the page's insights, nearest links and
 * accounts in one parallel wave — two storage round trips at any number of insights.
 * The cursor is the last card's place in that order.
 */
export async function listCards(issueId: string, cursor: string | undefined): Promise<Page<EvidenceCard>> {
  const skip = cursor === undefined ? FIRST_PAGE_CARDS : 0;
  const rows = await cardsAfter(issueId, cursor, skip + PAGE_CARDS + 1);
  if (rows.length === 0 && cursor === undefined) return listCardsFromLinks(issueId);
  const page = rows.slice(skip, skip + PAGE_CARDS);
  const accountKeys = page.flatMap((r) => (r.accountKey === undefined ? [] : [r.accountKey]));
  const [insights, links, accounts] = await Promise.all([
    getInsights(page.map((r) => r.insightId)),
    getLinkPairs(page.map((r) => ({ issueId: r.from, insightId: r.insightId }))),
    getAccounts(accountKeys)
  ]);
  const cards = page.flatMap((r) => {
    const insight = insights.get(r.insightId);
    const link = links.get(linkKey(r.from, r.insightId));
    if (!insight || !link) return [];
    return [toCard(link, insight, r.accountKey === undefined ? undefined : accounts.get(r.accountKey))];
  });
  const items = await visibleCards(cards, [...links.values()], issueId);
  const last = page.at(-1);
  return rows.length > skip + PAGE_CARDS && last ? { items, cursor: last.order } : { items };
}

/** Impacts stored before the card index: their cards are read from every link, once. */
async function listCardsFromLinks(issueId: string): Promise<Page<EvidenceCard>> {
  const record = await getImpact(issueId);
  if (!record || record.ledger) return { items: [] };
  const links = await linksUnder(issueId, record.ancestorPath ?? TOP_LEVEL);
  const accountKeys = links.map((l) => l.accountKey).filter((k): k is string => k !== undefined);
  const [insights, accounts] = await Promise.all([
    getInsights(links.map((l) => l.insightId)),
    getAccounts(accountKeys)
  ]);
  const cards = orderCards(collectCards({ issueId, links, insights, accounts }));
  return { items: await visibleCards(cards.slice(FIRST_PAGE_CARDS), links, issueId) };
}
