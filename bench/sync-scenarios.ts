import { benchForge, judge, measure, VIRTUAL_RUN, type BenchRun, type OperationRow } from './measure';
import { NO_TARGET } from './targets';
import { benchSeed, call, captureMany, LINK_NOTE, panelHandler, panelSite } from './fixtures';

/**
 * Keeping Jira's copy of customer impact (issue property + field) in sync: what one
 * evidence change costs once the queue delivers it. (The daily refresh of every issue
 * is measured with the ranked page, on the same issues: rank-scenarios.ts.)
 */
export async function syncPerChange(run: BenchRun = VIRTUAL_RUN): Promise<OperationRow> {
  const { seed, childIds, projectId } = benchSeed(2);
  const forge = benchForge(seed, run);
  try {
    const [insightId] = await captureMany(forge, projectId, 1);
    await call(forge, panelHandler, panelSite(projectId, childIds[0]!), 'panel/link', {
      insightIds: [insightId],
      note: LINK_NOTE
    });
    // Measured: the queue's delivery of that change (story + epic in one batch).
    return judge(
      await measure(
        forge,
        run,
        'Jira sync of one evidence change (queued)',
        'story + epic',
        () => forge.drainQueues(),
        'after the link returns'
      ),
      NO_TARGET({ queue: 1, kvs: 1, jira: 1 })
    );
  } finally {
    forge.stop();
  }
}
