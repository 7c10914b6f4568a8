import { z } from 'zod';
import { AccountInputSchema } from './account';
import { isBlank } from './blank-text';
import { ValidationError } from './errors';
import { isSafeHttpUrl } from './safe-url';
import {
  JourneyStageSchema,
  SentimentSchema,
  SeveritySchema,
  SourceKindSchema,
  type InsightStatus,
  type JourneyStage,
  type Sentiment,
  type Severity,
  type SourceKind
} from './vocabulary';

// Re-exported for existing callers; the UI imports ./safe-url directly to stay zod-free.
export { isSafeHttpUrl };

export const SUMMARY_MAX = 200;
export const QUOTE_MAX = 4000;
export const SOURCE_URL_MAX = 2000;
export const TAGS_MAX = 20;
export const TAG_MAX = 40;
/** Clock skew we tolerate between the customer's system and ours when dating evidence. */
export const OBSERVED_AT_MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * True for an ISO 8601 calendar date (`2024-05-01`) or a date-time with an explicit
 * offset (`2024-05-01T09:30:00Z`, `…+02:00`). A date-time without an offset is refused:
 * its instant would depend on the server's time zone. Impossible dates (Feb 30) are
 * refused too, although `Date.parse` would roll them over.
 */
export function isIsoDateOrDateTime(value: string): boolean {
  const m = DATE_RE.exec(value) ?? DATE_TIME_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
  if (m[4] !== undefined) {
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return false;
    if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  }
  return !Number.isNaN(Date.parse(value));
}

/** ISO date or offset date-time, normalised to `toISOString()` form (UTC, ms). */
const ObservedAtSchema = z
  .string()
  .trim()
  .refine(
    isIsoDateOrDateTime,
    'Must be an ISO date (2024-05-01) or date-time with offset (2024-05-01T09:30:00Z)'
  )
  .transform((v) => new Date(v).toISOString());

const SourceUrlSchema = z
  .string()
  .trim()
  .max(SOURCE_URL_MAX, `Link must be at most ${SOURCE_URL_MAX} characters`)
  // '' is allowed here because forms send it for an empty field; callers map it to absent.
  .refine((v) => v === '' || isSafeHttpUrl(v), 'Only http:// and https:// links are allowed');

const SummarySchema = z
  .string()
  .trim()
  // Not just non-empty: storage refuses text of only whitespace (see blank-text.ts).
  .refine((summary) => !isBlank(summary), 'Summary is required')
  .max(SUMMARY_MAX, `Summary must be at most ${SUMMARY_MAX} characters`);

/** Kept verbatim, except that a quote of only blanks is no quote (storage refuses blank text). */
const QuoteSchema = z
  .string()
  .max(QUOTE_MAX, `Quote must be at most ${QUOTE_MAX} characters`)
  .transform((quote) => (isBlank(quote) ? '' : quote));

const TagsSchema = z
  .array(
    z
      .string()
      .trim()
      .refine((tag) => !isBlank(tag), 'Tags must not be empty')
      .max(TAG_MAX, `Tags must be at most ${TAG_MAX} characters`)
  )
  .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
  .transform(dedupeTags);

/** Deduplicates case-insensitively, keeping the first spelling and the order. */
function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const k = t.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A captured insight. Strict: unknown fields are rejected, so a typo in a client or
 * an import mapping fails loudly instead of dropping data. `observedAt` is only
 * format-checked here; call `validateObservedAt` with the request's `now` to refuse
 * dates in the future. Omitting `account` records an anonymous voice.
 */
export const InsightInputSchema = z.strictObject({
  summary: SummarySchema,
  quote: QuoteSchema.default(''),
  sourceKind: SourceKindSchema,
  sourceUrl: SourceUrlSchema.transform((v) => (v === '' ? undefined : v)).optional(),
  account: AccountInputSchema.optional(),
  severity: SeveritySchema.default('medium'),
  sentiment: SentimentSchema.default('neutral'),
  journeyStage: JourneyStageSchema.optional(),
  observedAt: ObservedAtSchema,
  tags: TagsSchema.default([])
});

export type InsightInput = z.output<typeof InsightInputSchema>;

/**
 * An edit. Every field is optional and has no default (a default would overwrite the
 * stored value). `null` clears the optional fields: `account: null` makes the insight
 * anonymous, `sourceUrl: null` / `journeyStage: null` remove them.
 */
export const InsightPatchSchema = z.strictObject({
  summary: SummarySchema.optional(),
  quote: QuoteSchema.optional(),
  sourceKind: SourceKindSchema.optional(),
  // In a patch, '' and null both mean "remove the link".
  sourceUrl: SourceUrlSchema.transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  account: AccountInputSchema.nullable().optional(),
  severity: SeveritySchema.optional(),
  sentiment: SentimentSchema.optional(),
  journeyStage: JourneyStageSchema.nullable().optional(),
  observedAt: ObservedAtSchema.optional(),
  tags: TagsSchema.optional()
});

export type InsightPatch = z.output<typeof InsightPatchSchema>;

/** Quotes an insight keeps from duplicates merged into it: the most it holds. */
export const ADDITIONAL_QUOTES_MAX = 10;

/**
 * The words of a duplicate merged into this insight: its quote and where it came from.
 * The insight still counts once in a score; these only keep what the customer said.
 */
export interface AdditionalQuote {
  quote: string;
  sourceKind: SourceKind;
  sourceUrl?: string;
  observedAt: string;
}

/** Every quote an insight holds, its own and its merged duplicates': what search matches. */
export function allQuotes(insight: Pick<Insight, 'quote' | 'additionalQuotes'>): string {
  return [insight.quote, ...(insight.additionalQuotes ?? []).map((q) => q.quote)].join('\n');
}

/**
 * The Jira Service Management request an insight came from: its Jira issue id (digits)
 * and key. Only the server sets it, from what it read of the request (the JSM issue
 * action, or an intake source with the JSM preset), never from a client payload, so
 * that a comment the app posts on it goes to a request that really raised the evidence.
 */
export const ServiceRequestRefSchema = z.object({
  issueId: z.string().regex(/^\d+$/),
  issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/)
});

export type ServiceRequestRef = z.output<typeof ServiceRequestRefSchema>;

/** A stored insight. `observedAt`, `createdAt`, `updatedAt` are ISO strings (UTC). */
export interface Insight {
  id: string;
  projectId: string;
  summary: string;
  quote: string;
  sourceKind: SourceKind;
  sourceUrl?: string;
  accountKey?: string;
  severity: Severity;
  sentiment: Sentiment;
  journeyStage?: JourneyStage;
  observedAt: string;
  tags: string[];
  status: InsightStatus;
  linkCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  /** Idempotency key of the import row or webhook delivery that created it. */
  importKey?: string;
  /**
   * Work on a widely linked insight that a queued job is finishing (see insight-job):
   * being deleted, being merged into `mergeInto`, or its issues being rescored after an
   * edit. Until the job clears it, the insight is shown as pending; a deleting or
   * merging insight can no longer be linked or edited.
   */
  pending?: InsightPending;
  mergeInto?: string;
  /**
   * The issue it was captured on, when that issue was under issue-level security: its
   * words may reveal what the issue holds, so only users who can see that issue see it.
   */
  restrictedIssueId?: string;
  /** Digest of the terms library search has indexed for it (see search-terms.ts). */
  searchDigest?: string;
  /** Quotes of duplicates merged into it, oldest merge first; absent when none. */
  additionalQuotes?: AdditionalQuote[];
  /** The service request it came from, told when work it backs ships; absent otherwise. */
  request?: ServiceRequestRef;
}

export type InsightPending = 'delete' | 'merge' | 'rescore';

/** A deleting or merging insight is on its way out: nothing new may build on it. */
export function isLeaving(insight: Pick<Insight, 'pending'>): boolean {
  return insight.pending === 'delete' || insight.pending === 'merge';
}

/**
 * Refuses evidence dated more than a day after `now` (a day of slack absorbs time
 * zones and clock skew). Lives outside the schema because schemas cannot know `now`.
 *
 * @returns the observedAt normalised to `toISOString()` form.
 * @throws ValidationError on a malformed or future date, with path `observedAt`.
 */
export function validateObservedAt(observedAt: string, now: Date): string {
  if (!isIsoDateOrDateTime(observedAt)) {
    throw new ValidationError('Invalid insight: observedAt is not an ISO date', [
      { path: 'observedAt', message: 'Must be an ISO date or date-time with offset' }
    ]);
  }
  const at = Date.parse(observedAt);
  if (at - now.getTime() > OBSERVED_AT_MAX_FUTURE_MS) {
    throw new ValidationError('Invalid insight: observedAt is in the future', [
      { path: 'observedAt', message: 'Must not be more than 1 day in the future' }
    ]);
  }
  return new Date(at).toISOString();
}

/**
 * Whether an insight is addressed, from the current status category of every issue it
 * is linked to: when all of them are done (the customer's problem has been worked on
 * everywhere it was raised). One open issue keeps it linked. Derived from the state of
 * all issues, not from the last transition, so events in any order agree.
 */
export function isAddressed(statusCategories: readonly string[]): boolean {
  return statusCategories.length > 0 && statusCategories.every((category) => category === 'done');
}

/**
 * An insight's status once it has `linkCount` links, to issues whose status categories
 * Jira gave as `categories`: back in the inbox with none, addressed when all are done,
 * linked while any is open. A dismissed insight stays dismissed (it was triaged away,
 * whatever it is linked to). When Jira gave no category for any of them (issues it no
 * longer has are being forgotten by their own events), a linked insight stays as it is.
 */
export function statusOfLinked(
  current: InsightStatus,
  linkCount: number,
  categories: readonly string[]
): InsightStatus {
  if (current === 'dismissed') return current;
  if (linkCount === 0) return 'new';
  if (categories.length === 0) return current === 'new' ? 'linked' : current;
  return isAddressed(categories) ? 'addressed' : 'linked';
}

/**
 * An insight's status after one more link, to an issue in `category`. Its current status
 * already says what its other issues are (addressed: all done; linked: one is open; new:
 * none), so the link needs no read of them: an open issue makes it linked, a done one
 * keeps an addressed insight addressed and addresses an inbox one.
 */
export function statusAfterLinking(current: InsightStatus, category: string | undefined): InsightStatus {
  if (current === 'dismissed') return current;
  if (category !== 'done') return 'linked';
  return current === 'linked' ? 'linked' : 'addressed';
}
