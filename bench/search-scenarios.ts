import type { Insight } from '../src/domain/insight';
import { textTerms } from '../src/domain/search-terms';
import { fingerprint } from '../src/domain/fingerprint';
import { ENTITY } from '../src/storage/entities';
import { insightToRecord } from '../src/storage/records';
import type { LocalForge } from '../local/host/local-forge';
import { benchForge, measure, VIRTUAL_RUN, type BenchRun, type OperationRow } from './measure';
import { benchSeed, call, EDITOR, insightInput, projectHandler } from './fixtures';

/**
 * Library search in a project of `n` insights: an old insight found by a rare word, a
 * page of a common word, and the worst case of one call (the scan budget spent on
 * candidates that do not match, answered with a cursor to search further).
 */
export async function librarySearch(n: number, run: BenchRun = VIRTUAL_RUN): Promise<OperationRow[]> {
  const { seed, projectId } = benchSeed(0);
  const forge = benchForge(seed, run);
  try {
    // The oldest insight, captured through the app (which indexes it); then n − 1 newer ones.
    await call(forge, projectHandler, { module: 'projectPage', projectId }, 'project/captureInsight', {
      insight: { ...insightInput(0), quote: `${insightInput(0).quote} Payments sit quarantined for days.` }
    });
    seedLibrary(forge, projectId, n - 1);
    const search = (payload: object) => () =>
      call(forge, projectHandler, { module: 'projectPage', projectId }, 'project/listInsights', payload);
    const scale = `${n} insights`;
    return [
      await measure(
        forge,
        run,
        'library search, rare word (oldest insight)',
        scale,
        search({ query: 'quarantined' })
      ),
      await measure(
        forge,
        run,
        'library search, common tag (page of 25)',
        scale,
        search({ query: 'billing' })
      ),
      await measure(
        forge,
        run,
        'library search, no match in budget (search further)',
        scale,
        search({ query: 'billing', status: 'dismissed' })
      )
    ];
  } finally {
    forge.stop();
  }
}

/**
 * Writes `count` realistic insights straight into the engine (setup, not measured), with
 * the index rows of their tags, as the app writes them. Their summary and quote words
 * are left out of the index: no measured query reads them, and 100 000 insights' full
 * term rows would not fit this machine's memory.
 */
function seedLibrary(forge: LocalForge, projectId: string, count: number): void {
  let items: { entityName: string; key: string; value: object }[] = [];
  const flush = (): void => {
    const answer = forge.kvs.handle('/api/v1/batch/set', items);
    if (answer.status >= 300) throw new Error(`seeding the library failed: ${JSON.stringify(answer.body)}`);
    items = [];
  };
  for (let i = 1; i <= count; i += 1) {
    const input = insightInput(i);
    const createdAt = new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();
    const insight: Insight = {
      id: `lib-${i}`,
      projectId,
      summary: input.summary,
      quote: input.quote,
      sourceKind: input.sourceKind,
      severity: input.severity,
      sentiment: 'negative',
      observedAt: input.observedAt,
      tags: input.tags,
      accountKey: `acct-${i % 500}`,
      status: 'new',
      linkCount: 0,
      createdAt,
      createdBy: EDITOR,
      updatedAt: createdAt,
      version: 1
    };
    items.push({ entityName: ENTITY.insight, key: insight.id, value: insightToRecord(insight) });
    for (const term of textTerms(input.tags.join(' '))) {
      items.push({
        entityName: ENTITY.searchTerm,
        key: `${insight.id}:${fingerprint(term)}`,
        value: { projectId, insightId: insight.id, term: `${term} ${createdAt}` }
      });
    }
    if (items.length >= 20) flush();
  }
  if (items.length > 0) flush();
}
