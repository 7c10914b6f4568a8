import type { EvidenceCard } from '../domain/impact';
import { explainContribution } from '../domain/scoring/explain';
import type { Contribution } from '../domain/scoring/score';
import type { PanelView } from '../contract/views';
import { getIssuePlacement } from '../jira/get-issue';
import { readContextEvidence } from './read-evidence';

/** How many quotes an answer carries: enough to argue from, short enough for a chat. */
const TOP_QUOTES = 5;
/** How many accounts the "why" lists; the rest are counted in the score line. */
const TOP_REASONS = 8;

export interface RovoQuote {
  summary: string;
  quote: string;
  /** The account as this user may see it: its name, or the alias that stands in for it. */
  account: string;
  severity: string;
  source: string;
  observedAt: string;
}

/** What the find action answers: plain facts a model can repeat, masked as the panel masks them. */
export interface RovoEvidenceAnswer {
  issueKey: string;
  /** One sentence a person can read as it is. */
  summary: string;
  score: number;
  insights: number;
  accounts: number;
  anonymousVoices: number;
  /** Present only for a user who may see revenue. */
  arrAtStake?: number;
  /** One line per account (or anonymous voice), largest share first when shares are visible. */
  why: string[];
  topQuotes: RovoQuote[];
  /** True when account names and revenue are hidden from this user; aliases stand in. */
  identityHidden: boolean;
}

/**
 * The evidence behind an issue named by key, for the acting user: the key is resolved
 * by Jira as that user (one they cannot see answers as one that does not exist), then
 * the panel's own read supplies the evidence, already masked for them.
 */
export async function findEvidenceForRovo(accountId: string, issueKey: string): Promise<RovoEvidenceAnswer> {
  const issue = await getIssuePlacement(issueKey);
  const view = await readContextEvidence(issue.id, issue.projectId, accountId);
  return describeEvidence(issue.key, view);
}

function describeEvidence(issueKey: string, view: PanelView): RovoEvidenceAnswer {
  const identityHidden = view.identityHidden === true;
  const impact = view.impact;
  if (!impact || impact.score.insightCount === 0) {
    return {
      issueKey,
      summary: `${issueKey} has no customer evidence linked to it or to the issues under it yet.`,
      score: 0,
      insights: 0,
      accounts: 0,
      anonymousVoices: 0,
      why: [],
      topQuotes: [],
      identityHidden
    };
  }
  const { score } = impact;
  const answer: RovoEvidenceAnswer = {
    issueKey,
    summary: headline(issueKey, score.score, score.insightCount, score.uniqueAccounts, score.anonymousVoices),
    score: score.score,
    insights: score.insightCount,
    accounts: score.uniqueAccounts,
    anonymousVoices: score.anonymousVoices,
    why: score.contributions.slice(0, TOP_REASONS).map((c) => reason(c, identityHidden)),
    topQuotes: impact.cards.slice(0, TOP_QUOTES).map(quoteOf),
    identityHidden
  };
  if (!identityHidden) answer.arrAtStake = score.arrAtStake;
  return answer;
}

function headline(key: string, score: number, insights: number, accounts: number, voices: number): string {
  const from = [plural(accounts, 'account'), ...(voices > 0 ? [plural(voices, 'anonymous voice')] : [])];
  return `${key} has a customer-impact score of ${score} from ${plural(insights, 'insight')} (${from.join(' and ')}).`;
}

/**
 * The panel's one-line explanation; for a masked user the per-account points are hidden
 * (masked to 0), so the line leaves them out rather than show a misleading "+0".
 */
function reason(c: Contribution, identityHidden: boolean): string {
  if (!identityHidden) return explainContribution(c);
  const who = c.anonymous ? 'Anonymous' : (c.accountName ?? 'A customer');
  const parts = [who, c.severity, c.segment.replace('_', '-'), `${Math.floor(c.ageDays)} d`];
  if (c.insightIds.length > 1) parts.push(`${c.insightIds.length} insights`);
  return parts.join(' · ');
}

function quoteOf(card: EvidenceCard): RovoQuote {
  return {
    summary: card.summary,
    quote: card.quote,
    account: card.account?.name ?? 'Anonymous',
    severity: card.severity,
    source: card.sourceKind,
    observedAt: card.observedAt
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
