import { browserTiming } from './browser-timing';
import { bundleSizes } from './bundles';
import type { OperationRow } from './measure';
import { epicRollUp, importThroughput, linking, panelRead, rankedPage, scoringCpu } from './scenarios';
import { resync, syncPerChange } from './sync-scenarios';

/**
 * `npm run bench` — counts calls and sequential round trips per operation on the local
 * Forge host and models wall time under one fixed latency model (KVS 20 ms, Jira 150 ms,
 * invoke 200 ms). Counts do not jitter; compare rows as ratios within one run.
 * `npm run bench -- --json` prints the same as JSON.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const quick = process.argv.includes('--quick');
  const log = (message: string): void => {
    if (!json) process.stderr.write(`${message}\n`);
  };
  const operations: OperationRow[] = [];
  for (const n of quick ? [10, 100] : [10, 100, 1000]) {
    log(`panel read with ${n} insights…`);
    operations.push(...(await panelRead(n)));
  }
  log('epic roll-up over 50 children…');
  operations.push(...(await epicRollUp()));
  for (const n of quick ? [1000] : [1000, 10000, 100000]) {
    log(`ranked page at ${n} issues…`);
    operations.push(await rankedPage(n));
  }
  log('linking…');
  operations.push(...(await linking()));
  log('sync to Jira…');
  operations.push(await syncPerChange());
  const resyncSize = quick ? 1000 : 10000;
  operations.push(await resync(resyncSize, false), await resync(resyncSize, true));
  log('CSV import…');
  const imports = [await importThroughput(quick ? 200 : 2000)];
  operations.push(...imports);
  const cpu = [scoringCpu(quick ? 1000 : 10000)];
  const bundles = bundleSizes();
  log('time to first evidence in headless Chromium…');
  const browser = await browserTiming(quick ? 3 : 5);

  if (json) {
    const importRates = imports.map((r) => ({ scale: r.scale, rowsPerSecond: r.rowsPerSecond, kvsCallsPerRow: r.kvsCallsPerRow }));
    process.stdout.write(`${JSON.stringify({ operations, cpu, bundles, browser, imports: importRates }, null, 2)}\n`);
    return;
  }
  // The panel floor: one invoke plus one KVS read under the model.
  const floorMs = 200 + 20;
  console.log('| operation | scale | KVS calls | KVS round trips | Jira calls | Jira round trips | modelled ms | × floor |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of operations) {
    const name = r.note ? `${r.name} (${r.note})` : r.name;
    console.log(
      `| ${name} | ${r.scale} | ${r.kvsCalls} | ${r.kvsRoundTrips} | ${r.jiraCalls} | ${r.jiraRoundTrips} | ${r.modelledMs} | ${(r.modelledMs / floorMs).toFixed(2)} |`
    );
  }
  console.log('');
  // Forge bills storage per installation: 4 000 read and 4 000 write units a minute.
  console.log('| operation | scale | KVS read units | KVS write units |');
  console.log('|---|---|---:|---:|');
  for (const r of operations) {
    const name = r.note ? `${r.name} (${r.note})` : r.name;
    console.log(`| ${name} | ${r.scale} | ${r.kvsReadUnits} | ${r.kvsWriteUnits} |`);
  }
  console.log('');
  console.log('| import | rows per second (modelled) | KVS calls per row |');
  console.log('|---|---:|---:|');
  for (const r of imports) console.log(`| ${r.scale} | ${r.rowsPerSecond} | ${r.kvsCallsPerRow} |`);
  console.log('');
  console.log('| CPU | scale | ms (median of 5) |');
  console.log('|---|---|---:|');
  for (const c of cpu) console.log(`| ${c.name} | ${c.scale} | ${c.cpuMs} |`);
  console.log('');
  console.log('| Custom UI entry | gzip bytes |');
  console.log('|---|---:|');
  for (const b of bundles) console.log(`| ${b.entry} | ${b.gzipBytes} |`);
  if (bundles.length === 0) console.log('| (run `npm run build:ui` first) | |');
  console.log('');
  console.log('| headless Chromium, latency model on | median ms to first evidence | × floor |');
  console.log('|---|---:|---:|');
  for (const b of browser) console.log(`| ${b.page} | ${b.medianMs} | ${b.ratioToFloor.toFixed(2)} |`);
  if (browser.length === 0) console.log('| (install Debian chromium to measure) | | |');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
