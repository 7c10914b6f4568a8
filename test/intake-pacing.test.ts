import type { LocalForge, WebTriggerAnswer } from '../local/host/local-forge';
import * as app from '../src/index';
import { queryInsights } from '../src/storage/insight-store';
import { createIntakeSource } from '../src/usecases/intake/manage-sources';
import { signIntakeBody } from '../src/usecases/intake/signature';
import { longImportRow } from '../bench/import-rows';
import { DEMO_USERS, findChain, testForge } from './evidence-kit';

/** Half of Forge's 4 000 write units a minute: what background writers leave to people. */
const HALF_WRITE_QUOTA = 2000;

/**
 * Several sources delivering at once, with Forge's storage quotas on: their writes share
 * one pace, so no minute goes over half the write quota, nothing is lost, and items sent
 * again while the first copies are still being written stay duplicates.
 */
describe('intake pacing across sources', () => {
  let forge: LocalForge;
  let projectId: string;
  const env = { now: () => new Date(), newId: () => 'unused' };

  beforeEach(() => {
    forge = testForge().useApp(app);
    projectId = findChain(forge.seed).projectId;
  });
  afterEach(() => forge.stop());

  function post(sourceId: string, secret: string, items: unknown[]): Promise<WebTriggerAnswer> {
    const raw = JSON.stringify({ items });
    const timestamp = String(Math.floor(Date.now() / 1000));
    return forge.webTrigger('evidence-intake', {
      method: 'POST',
      userPath: sourceId,
      headers: {
        'X-Evidence-Timestamp': timestamp,
        'X-Evidence-Signature': signIntakeBody(secret, timestamp, raw)
      },
      body: raw
    });
  }

  it('keeps every minute within half the write quota and writes each item once', async () => {
    let peak = 0;
    const record = forge.host.meter.recordUnits.bind(forge.host.meter);
    forge.host.meter.recordUnits = (kind, units) => {
      record(kind, units);
      peak = Math.max(peak, forge.host.kvsQuota.usage().writeUnitsLastMinute);
    };
    const sources = await Promise.all(
      Array.from({ length: 5 }, (_, s) =>
        createIntakeSource({ accountId: DEMO_USERS.alice }, env, {
          name: `Desk ${s}`,
          projectId,
          mapping: {
            preset: 'generic',
            fieldPaths: { externalId: 'id', summary: 'summary', quote: 'quote', sourceKind: 'ticket' }
          }
        })
      )
    );
    // Three deliveries of 100 long-quote items from each source, all at once.
    const bodies = sources.flatMap(({ source, secret }, s) =>
      Array.from({ length: 3 }, (_, d) => ({
        source,
        secret,
        items: Array.from({ length: 100 }, (_, i) => {
          const row = longImportRow(s * 1000 + d * 100 + i).insight as { summary: string; quote: string };
          return { id: `${s}-${d}-${i}`, summary: row.summary, quote: row.quote };
        })
      }))
    );
    const first = await Promise.all(bodies.map((b) => post(b.source.sourceId, b.secret, b.items)));
    expect(first.map((a) => a.statusCode)).toEqual(bodies.map(() => 202));
    // The same deliveries again before the first copies are written: throttled or not,
    // each item is written once and the second copy reports it a duplicate.
    const again = await Promise.all(bodies.map((b) => post(b.source.sourceId, b.secret, b.items)));
    expect(again.map((a) => a.statusCode)).toEqual(bodies.map(() => 202));
    const report = await forge.settle();
    expect(report.queues.failed).toBe(0);

    expect(peak).toBeLessThanOrEqual(HALF_WRITE_QUOTA);
    const landed = await queryInsights({ projectId, status: 'new', limit: 100 });
    let count = landed.items.filter((i) => i.createdBy.startsWith('intake:')).length;
    for (let cursor = landed.cursor; cursor;) {
      const page = await queryInsights({ projectId, status: 'new', limit: 100, cursor });
      count += page.items.filter((i) => i.createdBy.startsWith('intake:')).length;
      cursor = page.cursor;
    }
    expect(count).toBe(1500);
    const status = async (answer: WebTriggerAnswer, sourceId: string, secret: string) => {
      const { deliveryId } = JSON.parse(answer.body) as { deliveryId: string };
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await forge.webTrigger('evidence-intake', {
        method: 'GET',
        userPath: `${sourceId}/deliveries/${deliveryId}`,
        headers: {
          'X-Evidence-Timestamp': timestamp,
          'X-Evidence-Signature': signIntakeBody(secret, timestamp, '')
        }
      });
      return JSON.parse(res.body) as { status: string; created: number; duplicates: number };
    };
    for (const [i, b] of bodies.entries()) {
      expect(await status(first[i]!, b.source.sourceId, b.secret)).toMatchObject({
        status: 'done',
        created: 100,
        duplicates: 0
      });
      expect(await status(again[i]!, b.source.sourceId, b.secret)).toMatchObject({
        status: 'done',
        created: 0,
        duplicates: 100
      });
    }
  }, 180_000);
});
