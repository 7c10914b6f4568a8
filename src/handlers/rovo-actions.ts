import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, ForbiddenError, ValidationError } from '../domain/errors';
import { InsightInputSchema } from '../domain/insight';
import { parseWith } from '../domain/parse';
import { SEVERITIES, SOURCE_KINDS } from '../domain/vocabulary';
import type { Env } from '../usecases/actor';
import { captureForRovo, type RovoCaptureAnswer } from '../usecases/rovo-capture-insight';
import { findEvidenceForRovo, type RovoEvidenceAnswer } from '../usecases/rovo-find-evidence';

/**
 * Rovo actions (manifest `action` modules). Forge invokes each with `(payload, context)`:
 * the payload holds the inputs a language model wrote from the chat, plus the platform's
 * own `context` (the Jira issue the chat is opened on, when there is one); the second
 * argument names the user. Inputs only ever name a target — who acts comes from the
 * invocation, and Jira answers for that user — so no input can widen what they may do.
 */

/** What an action answers: the result, or an error phrased for the person in the chat. */
export type RovoAnswer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Only the platform's own identification of the user: never read from the inputs. */
const InvocationSchema = z.object({
  principal: z.object({ accountId: z.string().min(1) }).optional(),
  accountId: z.string().min(1).optional()
});

/** A Jira issue key as people type it (`chk-12` is read as `CHK-12`). */
const IssueKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/, 'must be a Jira issue key such as CHK-12');

/** A model may send an empty string for an input it has no value for: that is no value. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** The platform's context in the payload: the issue the chat is opened on, if any. */
const PayloadContext = z
  .object({
    jira: z.object({ issueKey: z.union([z.string(), z.number()]).transform(String).optional() }).optional()
  })
  .optional();

const FindInputs = z.object({ issueKey: optional(IssueKey), context: PayloadContext });

/** Words of the vocabularies as a model may write them: "Sales call" is `sales_call`. */
const word = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => v.replace(/[\s-]+/g, '_'))
    .pipe(z.enum(values, { message: `must be one of ${values.join(', ')}` }));

const CaptureInputs = z.object({
  issueKey: optional(IssueKey),
  summary: z.string(),
  quote: optional(z.string()),
  accountName: optional(z.string()),
  sourceKind: optional(word(SOURCE_KINDS)),
  severity: optional(word(SEVERITIES)),
  context: PayloadContext
});

function actingUser(raw: unknown): string {
  const parsed = InvocationSchema.safeParse(raw);
  const accountId = parsed.success ? (parsed.data.principal?.accountId ?? parsed.data.accountId) : undefined;
  if (!accountId) throw new ForbiddenError('Sign in to Jira to use customer evidence.');
  return accountId;
}

/** The issue an input names, else the one the chat is opened on; the user's access is checked later. */
function targetIssue(issueKey: string | undefined, context: z.output<typeof PayloadContext>): string {
  const key = issueKey ?? IssueKey.safeParse(context?.jira?.issueKey).data;
  if (!key) {
    throw new ValidationError('Say which Jira issue you mean, by its key (for example CHK-12).', [
      { path: 'issueKey', message: 'Required when the chat is not opened on an issue' }
    ]);
  }
  return key;
}

function invocationEnv(): Env {
  return { now: () => new Date(), newId: () => randomUUID() };
}

async function answer<T>(action: string, run: () => Promise<T>): Promise<RovoAnswer<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`Rovo action ${action} failed unexpectedly`, error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Try again.' } };
  }
}

/** `find-customer-evidence`: the score, why, and top quotes behind an issue, as the panel shows them. */
export function findCustomerEvidence(
  payload: unknown,
  context: unknown
): Promise<RovoAnswer<RovoEvidenceAnswer>> {
  return answer('find-customer-evidence', () => {
    const accountId = actingUser(context);
    const inputs = parseWith(FindInputs, payload, 'action inputs');
    return findEvidenceForRovo(accountId, targetIssue(inputs.issueKey, inputs.context));
  });
}

/** `capture-customer-insight`: a new insight, linked to the issue, for a contributor of its project. */
export function captureCustomerInsight(
  payload: unknown,
  context: unknown
): Promise<RovoAnswer<RovoCaptureAnswer>> {
  return answer('capture-customer-insight', () => {
    const accountId = actingUser(context);
    const inputs = parseWith(CaptureInputs, payload, 'action inputs');
    const env = invocationEnv();
    // The capture form's own schema has the last word on every field.
    const insight = parseWith(
      InsightInputSchema,
      {
        summary: inputs.summary,
        ...(inputs.quote === undefined ? {} : { quote: inputs.quote }),
        sourceKind: inputs.sourceKind ?? 'other',
        ...(inputs.severity === undefined ? {} : { severity: inputs.severity }),
        ...(inputs.accountName === undefined ? {} : { account: { name: inputs.accountName } }),
        observedAt: env.now().toISOString()
      },
      'insight'
    );
    return captureForRovo({ accountId }, env, targetIssue(inputs.issueKey, inputs.context), insight);
  });
}
