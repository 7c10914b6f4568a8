/**
 * Spreadsheet-safe CSV cells, reversibly.
 *
 * Excel, LibreOffice Calc and Google Sheets run a cell as a formula when it starts with
 * `=`, `+`, `-` or `@` (OWASP "CSV Injection"; ASVS 1.2.10 adds tab and NUL), and some
 * versions and locales first skip leading whitespace, line breaks or control characters,
 * or read the full-width forms (`＝`). Customer text is untrusted and the file is opened
 * in a spreadsheet, so every such cell gets one leading `'`, which spreadsheets treat as
 * "text, not a formula". This holds for multi-line cells too: the check looks only at
 * the start of the cell (papaparse's own `escapeFormulae` pattern has no dotall flag and
 * let `=1+1\nmore` through).
 *
 * Reversible: a cell that already starts with `'` followed by something that would
 * itself be prefixed gets one more `'`, so `restoreCell` can remove exactly the one
 * `defuseCell` added, and a user's own leading apostrophe survives a round trip.
 */
const TRIGGER = /^[\s\p{Cc}]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^\p{Cc}/u;

/** Whether a cell must be prefixed with `'` to stay text in a spreadsheet. */
export function needsDefusing(cell: string): boolean {
  if (TRIGGER.test(cell)) return true;
  // `'=x` typed by a user: prefixed too, or the import could not tell it from ours.
  return cell.startsWith("'") && needsDefusing(cell.slice(1));
}

/** The cell as written to a CSV export. */
export function defuseCell(cell: string): string {
  return needsDefusing(cell) ? `'${cell}` : cell;
}

/** The text `defuseCell` was given: removes exactly the `'` it added, and nothing else. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && needsDefusing(cell.slice(1)) ? cell.slice(1) : cell;
}
