import { AppError, NotFoundError, type ErrorCode } from '../domain/errors';
import type { IssueImpact } from '../domain/impact';
import { isLeaving, statusAfterLinking, type Insight } from '../domain/insight';
import type { AccountConflict } from '../domain/account-edit';
import { ancestorsOf, pathOf, type AncestorPath } from '../domain/ancestry';
import type { InsightStatus } from '../domain/vocabulary';
import { getIssuePlacement, type IssuePlacement } from '../jira/get-issue';
import { myPermissions, type Access } from '../jira/my-permissions';
import { getAccount } from '../storage/account-store';
import { getRankRows } from '../storage/impact-store';
import { getInsights } from '../storage/insight-store';
import { getLinkPairs } from '../storage/link-store';
import { getScoringSettings } from '../storage/settings-store';
import type { LinkRecord } from '../storage/records';
import type { Actor, Env } from './actor';
import { requireIssueEvidenceChange } from './capabilities';
import { rememberIssueAccess } from './issue-access';
import { applyChange, type AffectedIssue, type ChangePlan } from './apply-change';
import { emptyChange } from './evidence-change';
import {
  accountKeyOf,
  conflictsOf,
  mergeAccount,
  newInsight,
  rescoreIfFilled,
  type InsightInput
} from './prepare-capture';
import { ancestryOfLink } from './issue-lifecycle/link-placement';
import { withAncestors } from './place-issue';
import { retryOnConflict } from './retry-on-conflict';
import { accountForCapture } from './account-survivor';

/**
 * Insights linked per transaction. The evidence (each insight's link row and insight) and
 * each issue's rows must fit Forge's 25 operations per transaction. An issue's rows grow by
 * up to three per insight of a new account (its group, its card, a check that the account
 * is as scored) plus the impact and its view: seven insights make at most 23. A larger
 * batch would not fit, and an issue whose rows do not fit is recomputed from all its
 * links, a cost that grows with the evidence (see applyChange).
 */
export const LINKS_PER_TRANSACTION = 7;

export interface LinkResult {
  impact: IssueImpact | null;
  alreadyLinked: string[];
  linked: string[];
  /** Set when a group failed after earlier groups landed (see linkInsights). */
  notLinked?: { insightIds: string[]; code: ErrorCode; message: string };
  /** How the account a capture named differs from the stored one (which stands). */
  accountConflicts?: AccountConflict[];
  /** The status each insight this call linked has now (addressed when all its issues are done). */
  statuses?: Record<string, InsightStatus>;
}

/**
 * Checks that the actor may change the issue's evidence (see capabilities) and, when the
 * issue id came from a payload, that the issue belongs to the project the user acts in;
 * learns where it sits in the hierarchy (every ancestor, with `ancestors`). Also returns
 * what Jira said, to warm caches.
 */
export async function placeForEdit(
  actor: Actor,
  issueId: string,
  inProject?: string,
  options: { ancestors?: boolean } = {}
): Promise<IssuePlacement & { access: Access }> {
  // A new link needs the issue's ancestors: its stored impact, read beside Jira, says
  // where it sits when it has evidence already.
  const [named, access, own] = await Promise.all([
    getIssuePlacement(issueId),
    myPermissions({ issueId }),
    options.ancestors ? getRankRows([issueId]).then((rows) => rows.get(issueId)) : undefined
  ]);
  if (inProject !== undefined && named.projectId !== inProject)
    throw new NotFoundError('That issue is not in this project.');
  const [placement] = await Promise.all([
    options.ancestors ? withAncestors(named, own) : named,
    requireIssueEvidenceChange(actor.accountId, named.projectId, access)
  ]);
  return { ...placement, access };
}

/**
 * The issue a link is on and all its ancestors: every impact the link feeds. A link
 * stored before ancestor paths existed names its parent and grandparent only.
 */
export function affectedChain(at: {
  issueId: string;
  projectId: string;
  parentId?: string;
  grandparentId?: string;
  ancestorPath?: AncestorPath;
}): AffectedIssue[] {
  const { issueId, projectId, parentId, grandparentId, ancestorPath } = at;
  if (ancestorPath === undefined) {
    const affected: AffectedIssue[] = [{ issueId, projectId, ...(parentId ? { parentId } : {}) }];
    if (parentId)
      affected.push({ issueId: parentId, projectId, ...(grandparentId ? { parentId: grandparentId } : {}) });
    if (grandparentId) affected.push({ issueId: grandparentId, projectId });
    return affected;
  }
  // Nearest first: the issue, its parent, … its root, each with where it sits.
  const chain = [...ancestorsOf(ancestorPath), issueId];
  return chain
    .map((id, level): AffectedIssue => {
      const above = chain.slice(0, level);
      const parent = above.at(-1);
      return { issueId: id, projectId, ancestorPath: pathOf(above), ...(parent ? { parentId: parent } : {}) };
    })
    .reverse();
}

/**
 * The placement each attempt of a write uses: the one just learned, then learned again,
 * since a conflict may come from an ancestor's move (its impact row changed meanwhile).
 */
function perAttempt(placement: IssuePlacement): () => Promise<IssuePlacement> {
  let fresh = true;
  return async () => {
    if (!fresh) return withAncestors(placement);
    fresh = false;
    return placement;
  };
}

/**
 * The issue and its ancestors, each with its hierarchy level: Jira named the issue's, and
 * each level up is one more (a sub-task's parent is a standard issue, whose parent is an
 * epic, and so on up), so every impact the link writes knows the band it ranks in.
 */
export function chainOfPlacement(placement: IssuePlacement): AffectedIssue[] {
  return withLevels(affectedChain({ ...placement, issueId: placement.id }), placement.hierarchyLevel);
}

/** A chain (the issue first, then its ancestors) with each one's hierarchy level. */
export function withLevels(chain: readonly AffectedIssue[], issueLevel: number): AffectedIssue[] {
  return chain.map((issue, distance) => ({
    ...issue,
    hierarchyLevel: distance === 0 ? issueLevel : Math.max(issueLevel + distance, 0)
  }));
}

/** The row of a new link of `insight` to the placed issue, carrying what scoring reads. */
export function linkRow(
  placement: IssuePlacement,
  insight: Insight,
  actor: Actor,
  note: string,
  now: Date
): LinkRecord {
  const link: LinkRecord = {
    issueId: placement.id,
    insightId: insight.id,
    projectId: placement.projectId,
    linkedBy: actor.accountId,
    linkedAt: now.toISOString()
  };
  if (note !== '') link.note = note;
  Object.assign(link, ancestryOfLink(placement));
  if (insight.accountKey) link.accountKey = insight.accountKey;
  // The issue's impact is computed from this very insight in the same transaction.
  link.insightUpdatedAt = insight.updatedAt;
  if (placement.restricted) link.restricted = true;
  return link;
}

/**
 * Links existing insights to an issue with a "why this is evidence" note. Each group of
 * up to ten lands in one transaction with the issue's and its ancestors' new impact;
 * insights already linked are left as they are. If a group fails after earlier ones
 * landed, the answer says which insights were linked and which were not (and why)
 * instead of an error that would hide the links that exist; a failure before anything
 * landed is the error itself.
 */
export async function linkInsights(
  actor: Actor,
  env: Env,
  issueId: string,
  insightIds: readonly string[],
  note: string,
  inProject?: string
): Promise<LinkResult> {
  const unique = [...new Set(insightIds)];
  // What the groups' changes depend on is read while Jira places the issue (and used
  // only once the user is known to be allowed): each write then costs one read wave.
  const [{ access, ...placement }, known] = await Promise.all([
    placeForEdit(actor, issueId, inProject, { ancestors: true }),
    readAhead(issueId, unique)
  ]);
  // The user just proved they can see the issue: their next panel read needs no Jira call.
  // A failed cache write costs that read a Jira call, never the link.
  const warmed = rememberIssueAccess(actor.accountId, placement.id, access).catch(() => undefined);
  const placed = perAttempt(placement);

  const alreadyLinked: string[] = [];
  const linked: string[] = [];
  const statuses: Record<string, InsightStatus> = {};
  let impact: IssueImpact | null = null;
  for (let i = 0; i < unique.length; i += LINKS_PER_TRANSACTION) {
    const chunk = unique.slice(i, i + LINKS_PER_TRANSACTION);
    try {
      // Each group's first attempt uses what was read ahead (no group writes another's
      // insights or links); a retry reads afresh.
      let firstAttempt = true;
      const outcome = await retryOnConflict(async () => {
        const ahead = firstAttempt ? known : undefined;
        firstAttempt = false;
        return linkChunk(actor, env, await placed(), chunk, note, ahead);
      });
      alreadyLinked.push(...outcome.alreadyLinked);
      linked.push(...outcome.linked);
      Object.assign(statuses, outcome.statuses);
      impact = outcome.impact;
    } catch (error) {
      if (!(error instanceof AppError) || i === 0) throw error;
      const notLinked = { insightIds: unique.slice(i), code: error.code, message: error.message };
      return { impact, alreadyLinked, linked, notLinked, statuses };
    }
  }
  await warmed;
  return { impact, alreadyLinked, linked, statuses };
}

/** The insights, their links to the issue and the settings a first link attempt needs. */
async function readAhead(
  issueId: string,
  insightIds: readonly string[]
): Promise<NonNullable<ChangePlan['known']>> {
  const [insights, links, settings] = await Promise.all([
    getInsights(insightIds),
    getLinkPairs(insightIds.map((insightId) => ({ issueId, insightId }))),
    getScoringSettings()
  ]);
  return { insights, links, settings };
}

async function linkChunk(
  actor: Actor,
  env: Env,
  placement: IssuePlacement,
  insightIds: string[],
  note: string,
  known?: ChangePlan['known']
): Promise<LinkResult> {
  const now = env.now();
  const alreadyLinked: string[] = [];
  const added: string[] = [];
  const statuses: Record<string, InsightStatus> = {};
  const results = await applyChange(
    {
      prefetch: insightIds,
      links: insightIds.map((insightId) => ({ issueId: placement.id, insightId })),
      ...(known ? { known } : {}),
      build: ({ link, insights }) => {
        alreadyLinked.length = 0;
        added.length = 0;
        for (const id of Object.keys(statuses)) delete statuses[id];
        // An insight of another project is reported as missing: a payload id grants nothing,
        // and evidence never crosses into a project its readers may not be able to browse.
        // An insight being deleted or merged away takes no new links.
        const missing = insightIds.filter((id) => {
          const insight = insights.get(id);
          return !insight || insight.projectId !== placement.projectId || isLeaving(insight);
        });
        if (missing.length > 0) throw new NotFoundError(`No insight with id ${missing.join(', ')}.`);
        const linked = new Set(insightIds.filter((id) => link(placement.id, id) !== undefined));
        const change = emptyChange();
        for (const id of insightIds) {
          const insight = insights.get(id)!;
          if (linked.has(id)) {
            alreadyLinked.push(id);
            continue;
          }
          change.linkSets.push({ link: linkRow(placement, insight, actor, note, now), expect: 'absent' });
          added.push(id);
          const status = statusAfterLinking(insight.status, placement.statusCategory);
          statuses[id] = status;
          change.insightPuts.push({
            insight: {
              ...insight,
              linkCount: insight.linkCount + 1,
              status,
              version: insight.version + 1
            },
            expect: { version: insight.version }
          });
        }
        return change;
      }
    },
    chainOfPlacement(placement),
    now
  );
  return { impact: results.get(placement.id) ?? null, alreadyLinked, linked: added, statuses };
}

/**
 * Captures a new insight (and its account) and links it to the issue in one transaction:
 * a failure leaves neither the insight nor the link behind.
 */
export async function captureAndLink(
  actor: Actor,
  env: Env,
  issueId: string,
  input: InsightInput,
  note: string,
  /** Where the insight came from, set only by the server (a service request's issue action). */
  origin: Pick<Insight, 'request'> = {}
): Promise<LinkResult> {
  const accountKey = accountKeyOf(input);
  // The account and the settings are read while Jira places the issue, for the first attempt.
  const [{ access, ...placement }, joined, settings] = await Promise.all([
    placeForEdit(actor, issueId, undefined, { ancestors: true }),
    // A name merged into another account joins the survivor.
    accountKey ? accountForCapture(accountKey) : undefined,
    getScoringSettings()
  ]);
  const firstAccount = joined?.account;
  const joinedKey = joined?.key;
  const insight = newInsight(input, placement.projectId, actor, env);
  if (origin.request) insight.request = origin.request;
  if (joinedKey) insight.accountKey = joinedKey;
  if (placement.restricted) insight.restrictedIssueId = placement.id;
  const warmed = rememberIssueAccess(actor.accountId, placement.id, access).catch(() => undefined);
  const placedNow = perAttempt(placement);
  let attempt = 0;
  const { result, merge } = await retryOnConflict(async () => {
    const first = attempt++ === 0;
    const placed = await placedNow();
    const now = env.now();
    const change = emptyChange();
    const stored = first ? firstAccount : joinedKey ? await getAccount(joinedKey) : undefined;
    const merge =
      input.account && joinedKey ? mergeAccount(input.account, stored, now, joinedKey) : undefined;
    if (merge?.put) change.accountPuts.push(merge.put);
    const status = statusAfterLinking('new', placed.statusCategory);
    change.insightPuts.push({ insight: { ...insight, linkCount: 1, status }, expect: 'absent' });
    change.linkSets.push({ link: linkRow(placed, insight, actor, note, now), expect: 'absent' });
    const known: ChangePlan['known'] = {
      insights: new Map(),
      links: new Map(),
      ...(first ? { settings } : {}),
      ...(stored ? { accounts: new Map([[stored.key, stored]]) } : {})
    };
    const results = await applyChange(
      { prefetch: [], known, build: () => change },
      chainOfPlacement(placed),
      now
    );
    const result: LinkResult = {
      impact: results.get(placement.id) ?? null,
      alreadyLinked: [],
      linked: [insight.id],
      ...conflictsOf(merge)
    };
    return { result, merge };
  });
  await rescoreIfFilled(merge, placement.projectId, env);
  await warmed;
  return result;
}
