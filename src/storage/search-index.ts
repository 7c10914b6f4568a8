import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { fingerprint } from '../domain/fingerprint';
import { BusyError, UpstreamError } from '../domain/errors';
import { ENTITY, INDEX, KVS_LIMITS, entityKey } from './entities';
import { guarded, isThrottleCode } from './kvs-failure';

/**
 * The library's term index: rows ranged by `term created-at` within their project, so a
 * word prefix finds every insight with a term that starts with it, newest first within
 * a term, at any library size.
 *
 * A row names every insight written together (same project and creation time) that has
 * its term: an import writes a row per distinct term of a whole step of rows rather than
 * one per term of each row, which is what keeps a long-quote import within Forge's write
 * quota. A single insight's rows name only it.
 *
 * Rows are only ever added: a write adds the rows of the insight's current terms
 * before the insight itself is committed, so every stored insight's terms are in the
 * index. Rows of words an edit removed, or of a deleted insight, stay behind; a search
 * re-checks each candidate against the stored insight, so they never show.
 */
export interface SearchTermRecord {
  projectId: string;
  /** The first insight of the row; rows written before grouping name only this one. */
  insightId: string;
  /** Every insight of the row, when it names more than one. */
  insightIds?: string[];
  /** The term, a space, and the insights' creation time (which orders a term's rows). */
  term: string;
}

/** An insight to index: its id, project, creation time and terms. */
export interface TermsOf {
  insightId: string;
  projectId: string;
  createdAt: string;
  terms: readonly string[];
}

/**
 * The key of one term row: the same term of the same insights is one row, however often
 * written, and a row of several insights never shares a key with a single insight's row
 * (which an edit of that insight rewrites).
 */
function termKey(insightIds: readonly string[], term: string): string {
  const [only] = insightIds;
  if (insightIds.length === 1 && only !== undefined)
    return `${entityKey(only, 'insight id')}:${fingerprint(term)}`;
  return `terms-of-${fingerprint([...insightIds].sort())}:${fingerprint(term)}`;
}

/**
 * Insights a grouped row names at most: a search reads every insight of the index rows
 * on its page, so a row stays as small as an import's transaction of insights.
 */
export const INSIGHTS_PER_TERM_ROW = 25;

/**
 * Writes the term rows of the insights, 25 rows per batch, the batches in parallel.
 * Returns the write units the batches cost (one per started 10 KB of each).
 */
export async function writeSearchTerms(entries: readonly TermsOf[]): Promise<number> {
  // Insights of one project created at the same time share a row per term.
  const groups = new Map<string, SearchTermRecord & { insightIds: string[] }>();
  for (const entry of entries) {
    for (const word of entry.terms) {
      const term = `${word} ${entry.createdAt}`;
      const groupKey = `${entry.projectId} ${term}`;
      const group = groups.get(groupKey);
      if (group && group.insightIds.length < INSIGHTS_PER_TERM_ROW) group.insightIds.push(entry.insightId);
      else {
        // A full group is closed: the next insights start a new one under the same key.
        if (group) groups.set(`${groupKey} ${groups.size}`, group);
        groups.set(groupKey, {
          projectId: entry.projectId,
          insightId: entry.insightId,
          insightIds: [entry.insightId],
          term
        });
      }
    }
  }
  const items = [...groups.values()].map(({ insightIds, ...row }) => ({
    key: termKey(insightIds, row.term.slice(0, row.term.lastIndexOf(' '))),
    entityName: ENTITY.searchTerm,
    value: (insightIds.length > 1 ? { ...row, insightIds } : row) satisfies SearchTermRecord
  }));
  const batches: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += KVS_LIMITS.batchItems) {
    batches.push(items.slice(i, i + KVS_LIMITS.batchItems));
  }
  await Promise.all(batches.map((batch) => setAll(batch)));
  return batches.reduce(
    (units, batch) => units + Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(batch)) / UNIT_BYTES)),
    0
  );
}

const UNIT_BYTES = 10 * 1024;

/** A batch may fail some keys transiently: they are sent up to twice more, then the write fails. */
async function setAll(batch: { key: string; entityName: string; value: SearchTermRecord }[]): Promise<void> {
  let pending = batch;
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt += 1) {
    const sent = pending;
    const result = await guarded(() => kvs.batchSet(sent));
    // Past the installation's write quota, sending again at once cannot succeed: BUSY.
    if (result.failedKeys.some((f) => isThrottleCode(f.error.code))) throw new BusyError();
    const failed = new Set(result.failedKeys.map((f) => f.key));
    pending = sent.filter((item) => failed.has(item.key));
  }
  if (pending.length > 0) throw new UpstreamError('Forge storage could not index the insight for search.');
}

export interface TermPage {
  /**
   * Insights of the rows whose term starts with the word, in index order: an insight
   * once per matching term (a row of several insights gives each of them).
   */
  rows: { insightId: string; term: string }[];
  cursor?: string;
}

/** One page of the insights whose terms start with `word`, in a project. */
export async function insightsWithTerm(
  projectId: string,
  word: string,
  limit: number,
  cursor?: string
): Promise<TermPage> {
  let builder = kvs
    .entity<SearchTermRecord>(ENTITY.searchTerm)
    .query()
    .index(INDEX.searchTermByProject, { partition: [projectId] })
    .where(WhereConditions.beginsWith(word))
    .sort(Sort.DESC)
    .limit(Math.min(limit, KVS_LIMITS.pageSize));
  if (cursor) builder = builder.cursor(cursor);
  const page = await guarded(() => builder.getMany());
  const rows = page.results.flatMap(({ value }) => {
    const term = value.term.slice(0, value.term.lastIndexOf(' '));
    return (value.insightIds ?? [value.insightId]).map((insightId) => ({ insightId, term }));
  });
  return page.nextCursor ? { rows, cursor: page.nextCursor } : { rows };
}
