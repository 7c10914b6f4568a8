import Papa from 'papaparse';
import { defuseCell } from './spreadsheet-cell';

/**
 * CSV text (CRLF, RFC 4180 quoting by papaparse) in which no cell, header included, can
 * run as a spreadsheet formula. Defused cells are also quoted, so the `'` is plainly
 * part of the value for any reader.
 */
export function toSafeCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  const safe = (cells: readonly string[]): string[] => cells.map(defuseCell);
  return Papa.unparse(
    { fields: safe(fields), data: rows.map(safe) },
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && value.startsWith("'") }
  );
}
