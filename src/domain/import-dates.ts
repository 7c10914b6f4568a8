/**
 * A date and time with a space between them, as help desks export them: Zendesk's own
 * `2025-05-01 09:12:00 UTC`, the same without seconds, and with a numeric offset
 * (`+02:00`, `-0700`) instead of `UTC`.
 */
const SPACED_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(?:\s*(UTC|GMT|Z)|\s*([+-])(\d{2}):?(\d{2}))?$/i;

/**
 * An imported "observed at" cell in the ISO form the insight schema takes. Zendesk's
 * native `2025-05-01 09:12:00 UTC` becomes `2025-05-01T09:12:00Z`; a spaced date-time
 * with no zone at all (`2025-05-01 09:12`) is read as UTC, which is what Zendesk and
 * most help desks export in, so the same file always gives the same instant. Anything
 * else is returned trimmed and unchanged, for the schema to accept or refuse.
 */
export function importedObservedAt(cell: string): string {
  const text = cell.trim();
  const m = SPACED_DATE_TIME.exec(text);
  if (!m) return text;
  const [, date, time, , sign, hours, minutes] = m;
  const zone = sign === undefined ? 'Z' : `${sign}${hours ?? '00'}:${minutes ?? '00'}`;
  return `${date ?? ''}T${time ?? ''}${zone}`;
}
