import type { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors';

/** How many problems the error message spells out; the rest are in `fieldIssues`. */
const ISSUES_IN_MESSAGE = 3;

/**
 * Parses `input` with `schema`, or throws a `ValidationError` whose message names
 * `what` and whose `fieldIssues` list every problem with a dotted path
 * (`account.arr`, `tags.3`). Unknown fields get one issue each, at their own path,
 * so a form can point at the offending field rather than at its parent.
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldIssues = toFieldIssues(result.error.issues);
  const shown = fieldIssues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  const more =
    fieldIssues.length > ISSUES_IN_MESSAGE ? ` (and ${fieldIssues.length - ISSUES_IN_MESSAGE} more)` : '';
  throw new ValidationError(`Invalid ${what}: ${shown}${more}`, fieldIssues);
}

/** Flattens zod issues into field issues with dotted paths. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: dotted([...issue.path, key]), message: 'Unknown field' });
      continue;
    }
    out.push({ path: dotted(issue.path), message: issue.message });
  }
  return out;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'symbol' ? (p.description ?? '') : String(p))).join('.');
}
