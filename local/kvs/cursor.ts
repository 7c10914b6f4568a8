import { createHash } from 'node:crypto';
import { z } from 'zod';
import { kvsErrors } from './kvs-errors';

/**
 * Opaque, stable page cursors. A cursor names the last row of a page (its sort value and key)
 * and the query it belongs to, so the same position always yields the same string and a cursor
 * from another query is refused rather than silently misread.
 */
export type SortValue = string | number;

export interface CursorPosition {
  /** The row's value in the index's order (range value, or 0 for indexes without range). */
  sort: SortValue;
  key: string;
}

const payloadSchema = z.object({
  v: z.literal(1),
  q: z.string(),
  s: z.union([z.string(), z.number()]),
  k: z.string()
});

export function queryScope(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function encodeCursor(scope: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ v: 1, q: scope, s: position.sort, k: position.key }), 'utf8').toString(
    'base64url'
  );
}

export function decodeCursor(scope: string, cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw kvsErrors.invalidCursor();
  }
  const payload = payloadSchema.safeParse(parsed);
  if (!payload.success || payload.data.q !== scope) throw kvsErrors.invalidCursor();
  return { sort: payload.data.s, key: payload.data.k };
}
