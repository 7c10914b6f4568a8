import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { createIntakeSource } from '../src/usecases/intake/manage-sources';
import { signIntakeBody } from '../src/usecases/intake/signature';
import { DEMO_USERS } from '../local/jira/seed';
import { benchSeed } from './fixtures';
import { longImportRow } from './import-rows';

/** What `measureIntakeCost` found; `npm run bench` prints it as its intake rows. */
export interface IntakeCost {
  items: number;
  writeCallsPerNewInsight: number;
  writeUnitsPerNewInsight: number;
  writeCallsPerDuplicate: number;
  peakWriteUnitsInAMinute: number;
  busyAnswers: number;
  platformMinutes: number;
  newInsightsPerMinute: number | null;
}

/**
 * What intake costs with Forge's quotas on: deliveries of 100 long-quote items each
 * through the web trigger and the queue, then the same deliveries again. Measures storage
 * write calls and units per new insight, write calls per duplicate, the most write units
 * billed in any minute, and new insights per minute of platform time.
 * Run: npx tsx bench/intake-cost.ts [items]
 */
export async function measureIntakeCost(items: number): Promise<IntakeCost> {
  const { seed, projectId } = benchSeed(1);
  const forge = new LocalForge({ seed, validateJira: false, flakyBatchItems: 'off' }).useApp(app);
  const quota = forge.host.kvsQuota;
  let peak = 0;
  const record = forge.host.meter.recordUnits.bind(forge.host.meter);
  forge.host.meter.recordUnits = (kind, units) => {
    record(kind, units);
    peak = Math.max(peak, quota.usage().writeUnitsLastMinute);
  };
  const env = { now: () => new Date(), newId: () => 'unused' };
  const { source, secret } = await createIntakeSource({ accountId: DEMO_USERS.alice }, env, {
    name: 'Bench',
    projectId,
    mapping: {
      preset: 'generic',
      fieldPaths: {
        externalId: 'id',
        summary: 'summary',
        quote: 'quote',
        accountName: 'account',
        sourceKind: 'ticket'
      }
    }
  });
  const all = Array.from({ length: items }, (_, i) => {
    const row = longImportRow(i).insight as { summary: string; quote: string; account?: { name: string } };
    return { id: `t-${i}`, summary: row.summary, quote: row.quote, account: row.account?.name ?? 'Anon' };
  });
  const writes = (): number =>
    Object.entries(forge.host.meter.snapshot().byPath)
      .filter(([path]) => /kvs .*(set|delete|transaction)/.test(path))
      .reduce((sum, [, n]) => sum + n, 0);
  let busy = 0;
  const deliver = async (): Promise<void> => {
    for (let i = 0; i < all.length; i += 100) {
      const body = JSON.stringify({ items: all.slice(i, i + 100) });
      for (;;) {
        const timestamp = String(Math.floor(Date.now() / 1000));
        const answer = await forge.webTrigger('evidence-intake', {
          method: 'POST',
          userPath: source.sourceId,
          headers: {
            'x-evidence-timestamp': timestamp,
            'x-evidence-signature': signIntakeBody(secret, timestamp, body)
          },
          body
        });
        if (answer.statusCode !== 503) {
          if (answer.statusCode !== 202 && answer.statusCode !== 200) throw new Error(answer.body);
          break;
        }
        busy += 1;
        forge.host.clock.advance(60_000);
      }
    }
    await forge.drainQueues();
  };

  forge.host.meter.reset();
  const startMs = forge.host.quotaClock.now();
  try {
    await deliver();
    const minutes = (forge.host.quotaClock.now() - startMs) / 60_000;
    const firstWrites = writes();
    const firstUnits = forge.host.meter.snapshot().units.write;
    forge.host.meter.reset();
    await deliver();
    const againWrites = writes();
    return {
      items,
      writeCallsPerNewInsight: +(firstWrites / items).toFixed(3),
      writeUnitsPerNewInsight: +(firstUnits / items).toFixed(3),
      writeCallsPerDuplicate: +(againWrites / items).toFixed(3),
      peakWriteUnitsInAMinute: peak,
      busyAnswers: busy,
      platformMinutes: +minutes.toFixed(2),
      newInsightsPerMinute: minutes > 0 ? Math.round(items / minutes) : null
    };
  } finally {
    forge.stop();
  }
}

// Run on its own (not when `npm run bench` imports it).
if (require.main === module) {
  measureIntakeCost(Number(process.argv[2] ?? 1000))
    .then((cost) => console.log(JSON.stringify(cost, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
