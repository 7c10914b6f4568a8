import { AppError } from '../domain/errors';
import { isLeaving } from '../domain/insight';
import type { InsightStatus } from '../domain/vocabulary';
import { getInsights } from '../storage/insight-store';
import { MAX_LINKS_PER_CALL } from '../contract/payloads';
import type { TriageItemOutcome, TriageOutcome } from '../contract/views';
import type { Actor, Env } from './actor';
import { requireCapability } from './capabilities';
import { linkInsights } from './link-insights';
import { setInsightStatus } from './triage-insight';

export type TriageAction =
  { kind: 'link'; issueId: string; note: string } | { kind: 'dismiss' } | { kind: 'restore' };

/** Status changes run a few at a time: each is its own small transaction. */
const STATUS_CHANGES_AT_ONCE = 5;

const MISSING = 'No such insight in this project.';

/**
 * Triages many inbox insights at once with the single-item use cases, so each insight
 * gets exactly what the single action would do to it (its own checks and its own
 * transaction) and the answer says, per insight, whether it was done or refused and why.
 * The project comes from Forge's context; an id of another project is refused as missing.
 * Dismissing and restoring are a curator's; linking needs the right to change the
 * issue's evidence, checked once against the issue as a single link does.
 */
export async function triageInsights(
  actor: Actor,
  env: Env,
  projectId: string,
  insightIds: readonly string[],
  action: TriageAction
): Promise<TriageOutcome> {
  if (action.kind === 'link') return linkMany(actor, env, projectId, insightIds, action);
  await requireCapability(actor.accountId, projectId, 'curate');
  const status = action.kind === 'dismiss' ? 'dismissed' : 'new';
  const items: TriageItemOutcome[] = [];
  for (let i = 0; i < insightIds.length; i += STATUS_CHANGES_AT_ONCE) {
    const group = insightIds.slice(i, i + STATUS_CHANGES_AT_ONCE);
    items.push(
      ...(await Promise.all(
        group.map((insightId) =>
          outcomeOf(insightId, async () => {
            const changed = await setInsightStatus(actor, env, projectId, insightId, status);
            return changed.status;
          })
        )
      ))
    );
  }
  return { items };
}

async function linkMany(
  actor: Actor,
  env: Env,
  projectId: string,
  insightIds: readonly string[],
  action: { issueId: string; note: string }
): Promise<TriageOutcome> {
  // Insights that cannot take a link are refused up front, so one of them does not
  // refuse the rest of its group (the link use case checks them again as it writes).
  const insights = await getInsights(insightIds);
  const outcomes = new Map<string, TriageItemOutcome>();
  const linkable = insightIds.filter((id) => {
    const insight = insights.get(id);
    if (insight && insight.projectId === projectId && !isLeaving(insight)) return true;
    outcomes.set(id, { insightId: id, outcome: 'refused', code: 'NOT_FOUND', reason: MISSING });
    return false;
  });
  for (let i = 0; i < linkable.length; i += MAX_LINKS_PER_CALL) {
    const group = linkable.slice(i, i + MAX_LINKS_PER_CALL);
    for (const outcome of await linkGroup(actor, env, projectId, group, action))
      outcomes.set(outcome.insightId, outcome);
  }
  return { items: insightIds.map((id) => outcomes.get(id)!) };
}

/**
 * Links one group in one call; if the call fails as a whole (an insight changed meanwhile),
 * each insight is linked on its own so that only the one at fault is refused.
 */
async function linkGroup(
  actor: Actor,
  env: Env,
  projectId: string,
  group: readonly string[],
  action: { issueId: string; note: string }
): Promise<TriageItemOutcome[]> {
  try {
    const result = await linkInsights(actor, env, action.issueId, group, action.note, projectId);
    const refused = new Set(result.notLinked?.insightIds ?? []);
    return group.map((insightId): TriageItemOutcome => {
      if (refused.has(insightId) && result.notLinked) {
        const { code, message } = result.notLinked;
        return { insightId, outcome: 'refused', code, reason: message };
      }
      return { insightId, outcome: 'done', status: result.statuses?.[insightId] ?? 'linked' };
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A refusal to change the issue's evidence holds for every insight: asking Jira again
    // per insight would only repeat it.
    if (group.length === 1 || error.code === 'FORBIDDEN')
      return group.map((insightId) => refusal(insightId, error));
    const items: TriageItemOutcome[] = [];
    for (const insightId of group)
      items.push(...(await linkGroup(actor, env, projectId, [insightId], action)));
    return items;
  }
}

function refusal(insightId: string, error: AppError): TriageItemOutcome {
  return { insightId, outcome: 'refused', code: error.code, reason: error.message };
}

/** Runs one insight's change and says how it went; a failure that is no AppError is a bug, not a refusal. */
async function outcomeOf(insightId: string, run: () => Promise<InsightStatus>): Promise<TriageItemOutcome> {
  try {
    return { insightId, outcome: 'done', status: await run() };
  } catch (error) {
    if (error instanceof AppError) return refusal(insightId, error);
    throw error;
  }
}
