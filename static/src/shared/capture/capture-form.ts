import { CaptureAndLinkPayload, CaptureInsightPayload } from '../../../../src/contract/payloads';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { FieldIssue } from '../../../../src/domain/errors';
import { toFieldIssues } from '../../../../src/domain/parse';
import type {
  JourneyStage,
  Segment,
  Sentiment,
  Severity,
  SourceKind
} from '../../../../src/domain/vocabulary';
import { todayIsoDate } from '../format';

/** The capture form ("Add evidence" on an issue, "Capture insight" in the library) as the user edits it: strings, as inputs hold them. */
export interface CaptureFormValues {
  summary: string;
  quote: string;
  sourceKind: SourceKind;
  sourceUrl: string;
  accountName: string;
  segment: Segment;
  arr: string;
  severity: Severity;
  sentiment: Sentiment;
  journeyStage: JourneyStage | '';
  observedAt: string;
  tags: string;
  note: string;
}

export type CaptureField = keyof CaptureFormValues;
export type FieldErrors = Partial<Record<CaptureField, string>>;

/** The insight and, when the form links it to an issue, the link's note. */
export type CapturePayload = PayloadOf<'panel/captureAndLink'>;

/** Form order, so focus goes to the first field that needs attention. */
export const CAPTURE_FIELDS: readonly CaptureField[] = [
  'summary',
  'quote',
  'sourceKind',
  'sourceUrl',
  'accountName',
  'segment',
  'arr',
  'severity',
  'sentiment',
  'journeyStage',
  'observedAt',
  'tags',
  'note'
];

export function emptyCaptureForm(now: Date = new Date()): CaptureFormValues {
  return {
    summary: '',
    quote: '',
    sourceKind: 'ticket',
    sourceUrl: '',
    accountName: '',
    segment: 'unknown',
    arr: '',
    severity: 'medium',
    sentiment: 'negative',
    journeyStage: '',
    observedAt: todayIsoDate(now),
    tags: '',
    note: ''
  };
}

/**
 * The payload the form describes. An account is sent only when some account field was
 * filled in: without one the insight is an anonymous voice. ARR accepts `1,200,000`
 * and `$240000`; anything else becomes NaN so the shared schema reports it.
 */
export function toCapturePayload(v: CaptureFormValues): CapturePayload {
  const arrText = v.arr.replace(/[$,\s_]/g, '');
  const hasAccount = v.accountName.trim() !== '' || arrText !== '' || v.segment !== 'unknown';
  const tags = v.tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return {
    insight: {
      summary: v.summary,
      quote: v.quote,
      sourceKind: v.sourceKind,
      ...(v.sourceUrl.trim() === '' ? {} : { sourceUrl: v.sourceUrl }),
      ...(hasAccount
        ? { account: { name: v.accountName, segment: v.segment, arr: arrText === '' ? 0 : Number(arrText) } }
        : {}),
      severity: v.severity,
      sentiment: v.sentiment,
      ...(v.journeyStage === '' ? {} : { journeyStage: v.journeyStage }),
      observedAt: v.observedAt,
      tags
    },
    note: v.note
  };
}

/** Which form field a contract path (`insight.account.arr`, `tags.2`, `note`) belongs to. */
const PATH_TO_FIELD: readonly (readonly [RegExp, CaptureField])[] = [
  [/^summary$/, 'summary'],
  [/^quote$/, 'quote'],
  [/^sourceKind$/, 'sourceKind'],
  [/^sourceUrl$/, 'sourceUrl'],
  [/^account(\.(name|key))?$/, 'accountName'],
  [/^account\.segment$/, 'segment'],
  [/^account\.arr$/, 'arr'],
  [/^severity$/, 'severity'],
  [/^sentiment$/, 'sentiment'],
  [/^journeyStage$/, 'journeyStage'],
  [/^observedAt$/, 'observedAt'],
  [/^tags(\.\d+)?$/, 'tags'],
  [/^note$/, 'note']
];

export function fieldForPath(path: string): CaptureField | undefined {
  // Server issues come as `insight.summary` (payload schema) or `observedAt` (use case).
  const local = path.replace(/^insight\./, '');
  return PATH_TO_FIELD.find(([re]) => re.test(local))?.[1];
}

export interface MappedIssues {
  fieldErrors: FieldErrors;
  /** Issues that belong to no field on this form; shown above the buttons. */
  formErrors: string[];
}

/** Puts each issue on its field (first message per field wins); the rest go to the form. */
export function mapFieldIssues(issues: readonly FieldIssue[]): MappedIssues {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path);
    if (field === undefined) formErrors.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    else fieldErrors[field] ??= issue.message;
  }
  return { fieldErrors, formErrors };
}

/**
 * Validates with the same schema the resolver uses, so both sides agree on every rule:
 * capture-and-link (with the note) or capture alone (`withNote: false`).
 */
export function validateCapture(
  values: CaptureFormValues,
  withNote = true
): { payload: CapturePayload } & MappedIssues {
  const payload = toCapturePayload(values);
  const parsed = withNote
    ? CaptureAndLinkPayload.safeParse(payload)
    : CaptureInsightPayload.safeParse({ insight: payload.insight });
  if (parsed.success) return { payload, fieldErrors: {}, formErrors: [] };
  return { payload, ...mapFieldIssues(toFieldIssues(parsed.error.issues)) };
}

export function firstInvalidField(errors: FieldErrors): CaptureField | undefined {
  return CAPTURE_FIELDS.find((f) => errors[f] !== undefined);
}
