import { z } from 'zod';
import { InsightInputSchema, InsightPatchSchema } from '../domain/insight';
import { isBlank } from '../domain/blank-text';
import { ACCOUNT_KEY_STORED_MAX, ACCOUNT_NAME_MAX } from '../domain/account';
import { AccountEditSchema } from '../domain/account-edit';
import { PrivacySettingsSchema } from '../domain/privacy';
import { ProjectRolesSchema } from '../domain/roles';
import { SavedImportMappingsSchema } from '../domain/import-value-mappings';
import { IntakeMappingSchema } from '../domain/intake/presets';
import { INSIGHT_STATUSES, JOURNEY_STAGES, SEGMENTS, SOURCE_KINDS } from '../domain/vocabulary';
import { INBOX_AGE_BANDS } from '../domain/inbox-age';

/**
 * Payload schemas shared by the resolvers (which parse every payload with them) and
 * the UI (which validates forms with them before sending).
 */
const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');
const cursor = z.string().min(1).max(2000).optional();
/** "Why this is evidence": optional, and a blank note is no note (storage refuses blank text). */
const note = z
  .string()
  .trim()
  .max(1000)
  .default('')
  .transform((text) => (isBlank(text) ? '' : text));

export const MAX_LINKS_PER_CALL = 25;

export const EmptyPayload = z.strictObject({});
export const CursorPayload = z.strictObject({ cursor });
export const SearchInsightsPayload = z.strictObject({
  query: z.string().trim().max(200).optional(),
  status: z.enum(INSIGHT_STATUSES).optional(),
  cursor,
  limit: z.number().int().min(1).max(100).default(25)
});
export const CaptureAndLinkPayload = z.strictObject({ insight: InsightInputSchema, note });
export const LinkPayload = z.strictObject({
  insightIds: z.array(id).min(1).max(MAX_LINKS_PER_CALL),
  note
});
export const UnlinkPayload = z.strictObject({ insightId: id });
export const EditNotePayload = z.strictObject({ insightId: id, note });

export const IssueIdPayload = z.strictObject({ issueId: id });
/** Ranking filters; all optional, and open work only unless asked otherwise. */
/** How the ranked backlog can be ordered, each served from its own index, highest first. */
export const RANK_SORTS = ['score', 'accounts', 'revenue', 'newest'] as const;
export type RankSort = (typeof RANK_SORTS)[number];
export const RankedIssuesPayload = z.strictObject({
  cursor,
  limit: z.number().int().min(1).max(100).default(50),
  statusCategory: z.enum(['open', 'done', 'all']).default('open'),
  level: z.enum(['epic', 'standard', 'subtask', 'all']).default('all'),
  sort: z.enum(RANK_SORTS).default('score'),
  segment: z.enum(SEGMENTS).optional(),
  sourceKind: z.enum(SOURCE_KINDS).optional(),
  journeyStage: z.enum(JOURNEY_STAGES).optional(),
  query: z.string().trim().max(200).optional()
});
export const SearchIssuesPayload = z.strictObject({ query: z.string().trim().min(1).max(200) });
export const SetInsightStatusPayload = z.strictObject({
  insightId: id,
  status: z.enum(['new', 'dismissed'])
});
export const MergeInsightsPayload = z
  .strictObject({ sourceId: id, targetId: id })
  .refine((p) => p.sourceId !== p.targetId, {
    message: 'An insight cannot be merged into itself.',
    path: ['targetId']
  });

/** Rows of one import call; the UI splits a file into calls under Forge's 500 KB payload limit. */
export const MAX_IMPORT_ROWS = 100;
/**
 * Chunks of one import: 50 000 rows. Its run is a chain of one event per chunk, all
 * counted against Forge's 1 000 pushes per originating invocation, retries included.
 */
export const MAX_IMPORT_CHUNKS = 500;
const importId = id;
export const ImportInsightsPayload = z.strictObject({
  /** Chosen by the page for one file; the import's storage is keyed by project and this id. */
  importId,
  /** The chunk's place in the file, from 0: uploading it again replaces it. */
  chunk: z
    .number()
    .int()
    .min(0)
    .max(MAX_IMPORT_CHUNKS - 1),
  rows: z
    .array(
      z.strictObject({
        /** The row's line in the file, for the report. */
        line: z.number().int().min(1),
        /** A stable id from the source system (ticket number…); else the row's content identifies it. */
        key: z.string().trim().min(1).max(200).optional(),
        /** Parsed per row on the server, so one bad row is reported without failing the rest. */
        insight: z.unknown()
      })
    )
    .min(1)
    .max(MAX_IMPORT_ROWS)
});
/** Every chunk is uploaded: write them. `total` is the rows the uploads queued. */
export const StartImportPayload = z.strictObject({
  importId,
  chunks: z.number().int().min(1).max(MAX_IMPORT_CHUNKS),
  total: z
    .number()
    .int()
    .min(0)
    .max(MAX_IMPORT_CHUNKS * MAX_IMPORT_ROWS)
});
export const ImportProgressPayload = z.strictObject({ importId });
/** The project's value mappings for its next imports; replaces the saved ones. */
export const SaveImportMappingsPayload = z.strictObject({ mappings: SavedImportMappingsSchema });
export const CaptureInsightPayload = z.strictObject({ insight: InsightInputSchema });
export const EditInsightPayload = z.strictObject({ insightId: id, patch: InsightPatchSchema });
export const DeleteInsightPayload = z.strictObject({ insightId: id });
/** How long a deleted insight can be brought back by its undo. */
export const RESTORE_WINDOW_MINUTES = 10;
export const RestoreInsightPayload = z.strictObject({ insightId: id });
export const UpsertAccountPayload = z.strictObject({ account: AccountEditSchema });
/** Most accounts an autocomplete offers at once. */
export const ACCOUNT_MATCHES_MAX = 20;
/** What a user has typed into an account field so far: matched by the prefix of the folded name. */
export const SearchAccountsPayload = z.strictObject({
  query: z.string().trim().min(1, 'Type the start of a name').max(ACCOUNT_NAME_MAX),
  limit: z.number().int().min(1).max(ACCOUNT_MATCHES_MAX).default(8)
});
/**
 * A stored account's key, as an answer gave it (autocomplete, a library item): keys are
 * already normalised, so it is taken as is, never normalised again.
 */
const accountKey = z
  .string()
  .min(1, 'Pick an account')
  .max(ACCOUNT_KEY_STORED_MAX + 40)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Not an account key');
/** One account's page: its evidence in this project, the issues it backs, its history. */
export const AccountViewPayload = z.strictObject({ accountKey });
/** Merges a duplicate account (`sourceKey`) into the one that stays (`targetKey`). */
export const MergeAccountsPayload = z.strictObject({ sourceKey: accountKey, targetKey: accountKey });
export const LinkToIssuePayload = z.strictObject({
  issueId: id,
  insightIds: z.array(id).min(1).max(MAX_LINKS_PER_CALL),
  note
});
export const UnlinkFromIssuePayload = z.strictObject({ issueId: id, insightId: id });

/** The inbox of one source kind, or of feedback of one age, newest first (the counts' filter). */
export const TriageInboxPayload = z.strictObject({
  source: z.enum(SOURCE_KINDS).optional(),
  age: z.enum(INBOX_AGE_BANDS).optional(),
  cursor,
  limit: z.number().int().min(1).max(100).default(25)
});

/** Most inbox insights one bulk triage call acts on: the list shows at most two pages of 25. */
export const MAX_TRIAGE_PER_CALL = 50;
/**
 * Bulk triage of the inbox: link the insights to one issue, dismiss them as not
 * actionable, or restore dismissed ones to the inbox (the undo of a dismissal).
 */
export const TriageActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('link'), issueId: id, note }),
  z.strictObject({ kind: z.literal('dismiss') }),
  z.strictObject({ kind: z.literal('restore') })
]);
export const TriageInsightsPayload = z.strictObject({
  insightIds: z
    .array(id)
    .min(1)
    .max(MAX_TRIAGE_PER_CALL)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'An insight is named twice.' }),
  action: TriageActionSchema
});

/** Admin: scoring settings are merged over the defaults and validated by the domain. */
export const SaveSettingsPayload = z.strictObject({
  scoring: z.unknown().optional(),
  privacy: PrivacySettingsSchema.optional(),
  /**
   * The admin has read that the privacy change hides account names and revenue from
   * themselves too; without it such a save is refused with a `confirmSelfMask` issue.
   */
  confirmSelfMask: z.boolean().optional()
});
/** Most Jira groups one type-ahead answer offers. */
export const GROUP_MATCHES_MAX = 20;
/** Admin: what has been typed into the group picker so far (empty lists Jira's first groups). */
export const FindGroupsPayload = z.strictObject({
  query: z.string().trim().max(255).default(''),
  limit: z.number().int().min(1).max(GROUP_MATCHES_MAX).default(10)
});
/** Admin: the groups named contributors and curators of one project. */
export const SaveRolesPayload = z.strictObject({
  projectId: z.string().regex(/^\d{1,18}$/),
  roles: ProjectRolesSchema
});
export const PreviewScoringPayload = z.strictObject({ scoring: z.unknown() });
/** Longest name of an intake source: a label on the admin page and in the delivery log. */
export const INTAKE_SOURCE_NAME_MAX = 80;
/** Admin: a new intake source, the project its insights land in and how its items are read. */
export const CreateIntakeSourcePayload = z.strictObject({
  name: z
    .string()
    .trim()
    .max(INTAKE_SOURCE_NAME_MAX)
    .refine((name) => !isBlank(name), 'Give the source a name.'),
  projectId: z.string().regex(/^\d{1,18}$/, 'Pick a project.'),
  mapping: IntakeMappingSchema
});
/** Admin: one intake source (rotating its secret). */
export const IntakeSourcePayload = z.strictObject({ sourceId: id });
/** Admin: disabling a source (its deliveries answer 404) or enabling it again. */
export const SetIntakeSourceStatusPayload = z.strictObject({
  sourceId: id,
  status: z.enum(['active', 'disabled'])
});
export const ShippedPayload = z.strictObject({ days: z.number().int().min(1).max(365).default(30) });

/**
 * The "Send to customer evidence" issue action on a Jira Service Management request. The
 * request is the issue Forge renders the action on; the payload names only where the
 * evidence goes (a product project and an issue there), checked as any payload id is.
 */
const requestInsight = InsightInputSchema.shape;
export const RequestPrefillPayload = z.strictObject({ projectId: id.optional() });
export const RequestFindIssuesPayload = z.strictObject({
  projectId: id,
  query: z.string().trim().min(1).max(200)
});
export const RequestSendPayload = z.strictObject({
  projectId: id,
  issueId: id,
  summary: requestInsight.summary,
  quote: requestInsight.quote,
  severity: requestInsight.severity,
  account: requestInsight.account,
  note
});
/** Project: whether the requests behind the project's evidence are told when work ships. */
export const SetLoopClosingPayload = z.strictObject({ enabled: z.boolean() });
