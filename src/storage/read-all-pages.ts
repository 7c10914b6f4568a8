import type { ListResult } from '@forge/kvs';

/**
 * Follows cursors until the last page. Pages are sequential by nature (each needs the
 * previous cursor), so callers start independent reads in parallel instead.
 */
export async function readAllPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<ListResult<T>>
): Promise<{ key: string; value: T }[]> {
  const rows: { key: string; value: T }[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    rows.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}
