import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { fingerprint } from '../domain/fingerprint';
import { BusyError, UpstreamError } from '../domain/errors';
import { ENTITY, INDEX, KVS_LIMITS, entityKey } from './entities';
import { guarded, isThrottleCode } from './kvs-failure';

/**
 * The library's term index: one `search-term` row per distinct term of an insight,
 * ranged by `term created-at` within its project, so a word prefix finds every insight
 * with a term that starts with it, newest first within a term, at any library size.
 *
 * Rows are only ever added: a write adds the rows of the insight's current terms
 * before the insight itself is committed, so every stored insight's terms are in the
 * index. Rows of words an edit removed, or of a deleted insight, stay behind; a search
 * re-checks each candidate against the stored insight, so they never show.
 */
export interface SearchTermRecord {
  projectId: string;
  insightId: string;
  /** The term, a space, and the insight's creation time (which orders a term's rows). */
  term: string;
}

/** An insight to index: its id, project, creation time and terms. */
export interface TermsOf {
  insightId: string;
  projectId: string;
  createdAt: string;
  terms: readonly string[];
}

/** The key of one term row: the same term of the same insight is one row, however often written. */
function termKey(insightId: string, term: string): string {
  return `${entityKey(insightId, 'insight id')}:${fingerprint(term)}`;
}

/** Writes the term rows of the insights, 25 per batch, the batches in parallel. */
export async function writeSearchTerms(entries: readonly TermsOf[]): Promise<void> {
  const items = entries.flatMap((entry) =>
    entry.terms.map((term) => ({
      key: termKey(entry.insightId, term),
      entityName: ENTITY.searchTerm,
      value: {
        projectId: entry.projectId,
        insightId: entry.insightId,
        term: `${term} ${entry.createdAt}`
      } satisfies SearchTermRecord
    }))
  );
  const batches: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += KVS_LIMITS.batchItems) {
    batches.push(items.slice(i, i + KVS_LIMITS.batchItems));
  }
  await Promise.all(batches.map((batch) => setAll(batch)));
}

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
  /** Rows whose term starts with the word, in index order: an insight once per matching term. */
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
  const rows = page.results.map(({ value }) => ({
    insightId: value.insightId,
    term: value.term.slice(0, value.term.lastIndexOf(' '))
  }));
  return page.nextCursor ? { rows, cursor: page.nextCursor } : { rows };
}
