import type { Insight } from '../src/domain/insight';
import { textTerms } from '../src/domain/search-terms';
import { fingerprint } from '../src/domain/fingerprint';
import { ENTITY } from '../src/storage/entities';
import { insightToRecord } from '../src/storage/records';
import type { LocalForge } from '../local/host/local-forge';
import type { Page } from '../src/contract/result';
import type { InsightView } from '../src/contract/views';
import { benchForge, judge, measure, VIRTUAL_RUN, type BenchRun, type OperationRow } from './measure';
import { LIBRARY_SEARCH, NO_TARGET } from './targets';
import { benchSeed, call, EDITOR, insightInput, projectHandler } from './fixtures';

/**
 * Library search in a project of `n` insights: the oldest insight found by a word of its
 * summary, of its quote, by its tag and by its account's name; a page of a common word,
 * and the worst case of one call (the scan budget spent on candidates that do not
 * match, answered with a cursor to search further). Only the oldest insight is created
 * through the app; the n − 1 newer ones are written straight into storage (below), as
 * capturing 100 000 through the resolvers takes far too long.
 */
export async function librarySearch(n: number, run: BenchRun = VIRTUAL_RUN): Promise<OperationRow[]> {
  const { seed, projectId } = benchSeed(0);
  const forge = benchForge(seed, run);
  try {
    // The oldest insight, captured through the app (which indexes it); then n − 1 newer ones.
    const oldest = (await call(
      forge,
      projectHandler,
      { module: 'projectPage', projectId },
      'project/captureInsight',
      {
        insight: {
          ...insightInput(0),
          summary: 'Remittance advice arrives garbled for Nordic banks',
          quote: `${insightInput(0).quote} Payments sit quarantined for days.`,
          tags: ['billing', 'chargeback-dispute'],
          account: { name: 'Quillfeather Logistics', segment: 'enterprise', arr: 120000 }
        }
      }
    )) as InsightView;
    seedLibrary(forge, projectId, n - 1);
    const scale = `${n.toLocaleString('en-US')} insights`;
    const find = async (name: string, query: string): Promise<OperationRow> => {
      let found = false;
      const row = await measure(forge, run, name, scale, async () => {
        const page = (await call(
          forge,
          projectHandler,
          { module: 'projectPage', projectId },
          'project/listInsights',
          {
            query
          }
        )) as Page<InsightView>;
        found = page.items.some((i) => i.id === oldest.id);
      });
      return judge(
        { ...row, note: `oldest insight${found ? '' : ' not'} on the first page`, facts: { found } },
        LIBRARY_SEARCH
      );
    };
    return [
      await find('library search, summary word', 'garbled'),
      await find('library search, quote word', 'quarantined'),
      await find('library search, tag', 'chargeback-dispute'),
      await find('library search, account name', 'Quillfeather'),
      judge(
        await measure(forge, run, 'library search, common tag (page of 25)', scale, () =>
          call(forge, projectHandler, { module: 'projectPage', projectId }, 'project/listInsights', {
            query: 'billing'
          })
        ),
        NO_TARGET({ invoke: 1, kvs: 1 })
      ),
      judge(
        await measure(forge, run, 'library search, no match in budget (search further)', scale, () =>
          call(forge, projectHandler, { module: 'projectPage', projectId }, 'project/listInsights', {
            query: 'billing',
            status: 'dismissed'
          })
        ),
        NO_TARGET({ invoke: 1, kvs: 1 })
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
