import { ENTITY, linkKey } from '../src/storage/entities';
import type { ImpactRecord, LinkRecord } from '../src/storage/records';
import type { LocalForge } from '../local/host/local-forge';
import { benchForge, measure, VIRTUAL_RUN, type BenchRun, type OperationRow } from './measure';
import {
  benchSeed,
  call,
  captureMany,
  EDITOR,
  LINK_NOTE,
  panelHandler,
  panelSite,
  realisticCards
} from './fixtures';

/**
 * Keeping Jira's copy of customer impact (issue property + field) in sync: what one
 * evidence change costs once the queue delivers it, and how long a full resync of
 * 10 000 scored issues takes under the latency model, with and without Jira throttling.
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
    return await measure(
      forge,
      run,
      'Jira sync of one evidence change (queued)',
      'story + epic',
      () => forge.drainQueues(),
      'after the link returns'
    );
  } finally {
    forge.stop();
  }
}

/** Writes `n` issues' links (to 200 shared insights) and stale impacts straight into the engine. */
async function seedLinkedIssues(
  forge: LocalForge,
  projectId: string,
  issueIds: readonly string[]
): Promise<void> {
  const insightIds = await captureMany(forge, projectId, 200);
  const put = (items: { entityName: string; key: string; value: object }[]): void => {
    const answer = forge.kvs.handle('/api/v1/batch/set', items);
    if (answer.status >= 300) throw new Error(`seeding failed: ${JSON.stringify(answer.body)}`);
  };
  for (let i = 0; i < issueIds.length; i += 12) {
    const items: { entityName: string; key: string; value: object }[] = [];
    issueIds.slice(i, i + 12).forEach((issueId, j) => {
      const insightId = insightIds[(i + j) % insightIds.length]!;
      const link: LinkRecord = {
        issueId,
        insightId,
        projectId,
        linkedBy: EDITOR,
        linkedAt: '2026-11-01T00:00:00.000Z',
        note: LINK_NOTE
      };
      // A stale impact (old settings): the resync recomputes it from the link.
      const impact: Omit<ImpactRecord, 'readModel'> & { readModel: object } = {
        issueId,
        projectId,
        score: 1,
        accounts: 1,
        arr: 0,
        insightCount: 1,
        formulaVersion: 1,
        settingsHash: 'stale',
        readModel: { issueId, cards: realisticCards(issueId, 1), totalCards: 1 },
        version: 1,
        updatedAt: '2026-11-01T00:00:00.000Z'
      };
      items.push({ entityName: ENTITY.link, key: linkKey(issueId, insightId), value: link });
      items.push({ entityName: ENTITY.impact, key: issueId, value: impact });
    });
    put(items);
  }
}

/**
 * The daily refresh (the same run a settings change starts) over `n` scored issues:
 * every page recomputed from its links and published to Jira. `throttled` makes Jira
 * answer 429 to three bulk property calls in a row, as under its rate limits; the
 * queue's backoff waits are added to the modelled time.
 */
export async function resync(
  n: number,
  throttled: boolean,
  run: BenchRun = VIRTUAL_RUN
): Promise<OperationRow> {
  const { seed, projectId } = benchSeed(0, n);
  const forge = benchForge(seed, run);
  try {
    const ids = seed.issues
      .filter((i) => i.projectId === projectId && i.id.startsWith('9'))
      .map((i) => i.id)
      .slice(0, n);
    await seedLinkedIssues(forge, projectId, ids);
    if (throttled)
      forge.host.faults.add({
        kind: 'jira',
        path: /\/issue\/properties\/multi$/,
        fault: 'throttle',
        times: 3
      });
    let waited = 0;
    let failed = 0;
    const row = await measure(
      forge,
      run,
      throttled ? 'resync all scores, Jira throttling 3 times' : 'resync all scores (daily refresh)',
      `${n} issues`,
      async () => {
        await forge.runScheduled('daily-impact-refresh');
        const report = await forge.drainQueues();
        // Reported, not thrown: events that outlive their retention window are a finding.
        failed = report.failed;
        waited = report.waitedMs;
      }
    );
    const backoff = waited > 0 ? `incl. ${waited / 1000} s backoff` : 'no backoff';
    return {
      ...row,
      modelledMs: row.modelledMs + waited,
      queueWaitMs: waited,
      note: failed > 0 ? `${backoff}; ${failed} events failed for good` : backoff
    };
  } finally {
    forge.stop();
  }
}
