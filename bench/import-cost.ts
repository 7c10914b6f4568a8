import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { EDITOR, benchSeed, projectHandler } from './fixtures';
import { longImportRow } from './import-rows';

/**
 * What a CSV import of long-quote rows costs in storage writes, with Forge's quotas on:
 * write requests and units per row, the most write units billed in any minute, and how
 * often a chunk was refused (BUSY) and sent again a minute later, as a person would.
 * Run: npx tsx bench/import-cost.ts [rows]
 */
async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1000);
  const { seed, projectId } = benchSeed(1);
  const forge = new LocalForge({ seed, validateJira: false, flakyBatchItems: 'off' }).useApp(app);
  const quota = forge.host.kvsQuota;
  let peak = 0;
  const record = forge.host.meter.recordUnits.bind(forge.host.meter);
  forge.host.meter.recordUnits = (kind, units) => {
    record(kind, units);
    peak = Math.max(peak, quota.usage().writeUnitsLastMinute);
  };
  const site = { module: 'projectPage' as const, projectId };
  const all = Array.from({ length: rows }, (_, i) => longImportRow(i));
  forge.host.meter.reset();
  const startMs = forge.host.quotaClock.now();
  let busy = 0;
  const importId = 'bench-import';
  const send = async (key: string, payload: unknown): Promise<Record<string, unknown>> => {
    for (;;) {
      const result = (await forge.invoke(projectHandler, EDITOR, site, key, payload)) as {
        ok: boolean;
        value?: Record<string, unknown>;
        error?: { code: string };
      };
      if (result.ok) return result.value ?? {};
      if (result.error?.code !== 'BUSY') throw new Error(JSON.stringify(result.error));
      busy += 1;
      forge.host.clock.advance(60_000);
    }
  };
  let chunks = 0;
  let queued = 0;
  for (let i = 0; i < all.length; i += 100, chunks += 1) {
    const report = await send('project/importInsights', {
      importId,
      chunk: chunks,
      rows: all.slice(i, i + 100)
    });
    queued += (report.queued as unknown[]).length;
  }
  await send('project/startImport', { importId, chunks, total: queued });
  const drained = await forge.drainQueues();
  const progress = await send('project/importProgress', { importId });
  const created = progress.created;
  const snap = forge.host.meter.snapshot();
  const writes = Object.entries(snap.byPath)
    .filter(([path]) => /kvs .*(set|delete|transaction)/.test(path))
    .reduce((sum, [, n]) => sum + n, 0);
  const minutes = (forge.host.quotaClock.now() - startMs) / 60_000;
  console.log(
    JSON.stringify(
      {
        rows,
        created,
        writeCalls: writes,
        writeCallsPerRow: +(writes / rows).toFixed(3),
        writeUnits: snap.units.write,
        writeUnitsPerRow: +(snap.units.write / rows).toFixed(3),
        peakWriteUnitsInAMinute: peak,
        busyRefusals: busy,
        platformMinutes: +minutes.toFixed(2),
        queue: drained,
        byPath: Object.fromEntries(Object.entries(snap.byPath).filter(([p]) => p.startsWith('kvs')))
      },
      null,
      2
    )
  );
  forge.stop();
}

void main();
