import { createHash } from 'node:crypto';
import { z } from 'zod';
import { kvsErrors } from './kvs-errors';

/**
 * Opaque page cursors. A cursor names the last row its page walked (sort value and key), how
 * many rows the query had walked by then, the store's write count when it was issued, and the
 * query it belongs to; a cursor from another query is refused rather than silently misread.
 *
 * Cursors are not stable across writes ("do not persist cursors, as they may not always be
 * stable", storage-api-query): while nothing was written since a cursor was issued, the next
 * page starts right after its row; after any write it starts at the same *count* of rows
 * instead, so a row written before that position is seen again and a row deleted before it
 * makes one row be skipped — what an offset-paged store does, and what code that keeps a
 * cursor across writes must survive.
 */
export type SortValue = string | number;

export interface CursorPosition {
  /** The row's value in the index's order (range value, or 0 for indexes without range). */
  sort: SortValue;
  key: string;
  /** Rows of the query walked up to and including this one. */
  walked: number;
  /** The store's write count when the cursor was issued. */
  writes: number;
}

const payloadSchema = z.object({
  v: z.literal(2),
  q: z.string(),
  s: z.union([z.string(), z.number()]),
  k: z.string(),
  n: z.number().int().nonnegative(),
  w: z.number().int().nonnegative()
});

export function queryScope(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function encodeCursor(scope: string, position: CursorPosition): string {
  const payload = {
    v: 2,
    q: scope,
    s: position.sort,
    k: position.key,
    n: position.walked,
    w: position.writes
  };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
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
  return { sort: payload.data.s, key: payload.data.k, walked: payload.data.n, writes: payload.data.w };
}
