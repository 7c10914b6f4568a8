import { browserTiming } from './browser-timing';
import { bundleSizes } from './bundles';
import { crossCheck, VIRTUAL_RUN, type BenchRun, type CrossCheck, type OperationRow } from './measure';
import { evidenceOnStory } from './evidence-scenarios';
import { measureIntakeCost } from './intake-cost';
import { fanOutJobs } from './job-scenarios';
import { rankingWorld } from './rank-scenarios';
import { epicRollUp, importThroughput, scoringCpu } from './scenarios';
import { librarySearch } from './search-scenarios';
import { syncPerChange } from './sync-scenarios';
import {
  bundleTarget,
  FIRST_EVIDENCE,
  INTAKE_RATE,
  INTAKE_WRITES_PER_DUPLICATE,
  INTAKE_WRITES_PER_NEW,
  intakeQuotaRate
} from './targets';

/**
 * The cross-check really waits the latency model divided by this (`--real-wait=N`).
 * Smaller divisors leave the app's own CPU time a larger share of the wall time; on a
 * loaded 2-core machine ÷ 2 keeps it within the tolerance while halving the wait.
 */
const DEFAULT_REAL_WAIT_DIVISOR = 2;

/**
 * The daily refresh runs over the ranking world at each of these scales (its largest
 * world's setup, a link through the resolvers per scored issue, is what bounds them: the
 * refresh itself skips what decay cannot move and takes under a second of CPU at 1 000).
 */
const REFRESH_AT = [1000, 10000];

/**
 * Wall time one world's setup (through the resolvers) may take before its larger scales
 * are left out and listed as not measured: linking costs that grow with what an issue
 * already holds make setup quadratic, and the full bench must stay well under 30 minutes.
 */
const SETUP_BUDGET_MS = 8 * 60_000;

/**
 * `npm run bench` — counts calls and the round trips on the critical path per operation
 * on the local Forge host and models wall time under one fixed latency model (KVS 20 ms,
 * Jira 150 ms, queue 30 ms, invoke 200 ms). Counts do not jitter; compare rows as ratios
 * within one run. Each row states its floor (the fewest round trips it could need) and
 * the product's target for it, judged from counts only (bench/targets.ts); the last line
 * says how many targets are met. Every scenario builds its data through the resolvers,
 * except the library search's 10 000 / 100 000 insights (see search-scenarios.ts).
 * `--quick` runs smaller scales in a few minutes. Then every scenario runs twice more at a small scale, the second time
 * really waiting the model ÷ 2: the bench fails (exit 1) if wall time exceeds the model by
 * more than 20 %. `npm run bench -- --json` prints the same as JSON.
 */
async function main(): Promise<void> {
  const began = performance.now();
  const json = process.argv.includes('--json');
  const quick = process.argv.includes('--quick');
  const divisorArg = process.argv.find((a) => a.startsWith('--real-wait='));
  const divisor = divisorArg ? Number(divisorArg.slice('--real-wait='.length)) : DEFAULT_REAL_WAIT_DIVISOR;
  if (!(divisor >= 1)) throw new Error('--real-wait=N needs N ≥ 1');
  const log = (message: string): void => {
    if (!json) process.stderr.write(`${message} (${Math.round((performance.now() - began) / 1000)} s)\n`);
  };
  // First, in a fresh process: a page load waits real time, which long runs of modelled
  // jobs before it (their timers and memory) only disturb.
  log('time to first evidence in headless Chromium…');
  let browser: Awaited<ReturnType<typeof browserTiming>> = [];
  let browserError: string | undefined;
  try {
    browser = await browserTiming(quick ? 3 : 5);
  } catch (error) {
    browserError = error instanceof Error ? error.message : String(error);
  }
  const operations: OperationRow[] = [];
  const setup: Record<string, number> = {};
  const skipped: string[] = [];
  for (const n of quick ? [10, 300] : [10, 1000, 10000]) {
    log(`panel reads and evidence writes, ${n} insights on a story under an epic…`);
    const rows = await evidenceOnStory(n, VIRTUAL_RUN, SETUP_BUDGET_MS);
    if ('skipped' in rows) skipped.push(`panel reads and evidence writes at ${n} insights: ${rows.skipped}`);
    else operations.push(...rows);
  }
  log('epic roll-up over 50 children…');
  operations.push(...(await epicRollUp()));
  const rankScales = quick ? [300] : [1000, 10000];
  const jiraIssues = quick ? 10000 : 100000;
  log(
    `ranked pages at ${rankScales.join(', ')} scored issues in a Jira of ${jiraIssues}, then the daily refresh…`
  );
  const refreshAt = quick ? [300] : REFRESH_AT;
  const ranking = await rankingWorld(rankScales, jiraIssues, refreshAt, SETUP_BUDGET_MS);
  operations.push(...ranking.rows);
  if (ranking.skipped) skipped.push(ranking.skipped);
  setup['ms of wall time per scored issue (one panel/link each)'] =
    Math.round(ranking.setupMsPerIssue * 10) / 10;
  log('account, merge and delete jobs over an insight backing many issues…');
  operations.push(...(await fanOutJobs(quick ? 100 : 1000)));
  log('sync to Jira…');
  operations.push(await syncPerChange());
  for (const n of quick ? [1000] : [10000, 100000]) {
    log(`library search in ${n} insights…`);
    operations.push(...(await librarySearch(n)));
  }
  log('CSV import…');
  const imports = [await importThroughput(quick ? 500 : 10000)];
  operations.push(...imports);
  log('evidence intake (ten deliveries of 100 long-quote items, then again)…');
  const intake = await measureIntakeCost(quick ? 300 : 1000);
  const intakeVerdicts = [INTAKE_WRITES_PER_NEW, INTAKE_WRITES_PER_DUPLICATE, INTAKE_RATE].map((t) => ({
    target: t.text,
    met: t.met(intake)
  }));
  log(`cross-check: each scenario at a small scale, really waiting the model ÷ ${divisor}…`);
  const checks = await crossChecks(divisor);
  const cpu = [scoringCpu(quick ? 1000 : 10000)];
  const bundles = bundleSizes();
  const bundleVerdicts = bundles.map((b) => ({
    ...b,
    target: bundleTarget(b.entry).text,
    met: bundleTarget(b.entry).met(b)
  }));
  const browserVerdicts = browser.map((b) => ({
    ...b,
    target: FIRST_EVIDENCE.text,
    met: FIRST_EVIDENCE.met(b)
  }));
  const verdicts = [...operations, ...bundleVerdicts, ...browserVerdicts, ...intakeVerdicts].map(
    (r) => r.met
  );
  const judged = verdicts.filter((m) => m !== undefined);
  const met = judged.filter((m) => m).length;
  const wallSeconds = Math.round((performance.now() - began) / 1000);

  if (json) {
    const importRates = imports.map((r) => ({
      scale: r.scale,
      rowsPerSecond: r.rowsPerSecond,
      kvsCallsPerRow: r.kvsCallsPerRow,
      writeCallsPerRow: r.writeCallsPerRow
    }));
    process.stdout.write(
      `${JSON.stringify(
        {
          operations,
          targets: { met, judged: judged.length },
          crossChecks: checks,
          cpu,
          bundles: bundleVerdicts,
          browser: browserVerdicts,
          imports: importRates,
          intake: { ...intake, quotaAllowsPerMinute: intakeQuotaRate(intake), verdicts: intakeVerdicts },
          setup,
          skipped,
          wallSeconds
        },
        null,
        2
      )}\n`
    );
    failOnCrossCheck(checks);
    return;
  }
  console.log(
    '| operation | scale | KVS calls | KVS round trips | Jira calls | Jira round trips | KVS read units | KVS write units | peak read / write units per min | modelled ms | floor | × floor | target | met |'
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|');
  for (const r of operations) {
    const name = r.note ? `${r.name} (${r.note})` : r.name;
    const verdict = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    console.log(
      `| ${name} | ${r.scale} | ${r.kvsCalls} | ${r.kvsRoundTrips} | ${r.jiraCalls} | ${r.jiraRoundTrips} | ${r.kvsReadUnits} | ${r.kvsWriteUnits} | ${r.peakReadUnitsPerMinute} / ${r.peakWriteUnitsPerMinute} | ${r.modelledMs} | ${r.floor ?? ''} | ${r.ratio?.toFixed(2) ?? ''} | ${r.target ?? ''} | ${verdict} |`
    );
  }
  console.log('');
  const verdict = (m: boolean | undefined): string => (m === undefined ? '' : m ? 'yes' : '**no**');
  console.log('| import | rows per second (modelled) | KVS calls per row | KVS write calls per row |');
  console.log('|---|---:|---:|---:|');
  for (const r of imports)
    console.log(`| ${r.scale} | ${r.rowsPerSecond} | ${r.kvsCallsPerRow} | ${r.writeCallsPerRow} |`);
  console.log('');
  const [perNew, perDuplicate, rate] = intakeVerdicts;
  console.log(
    `| intake, ${intake.items.toLocaleString('en-US')} items in deliveries of 100, quotas on | measured | target | met |`
  );
  console.log('|---|---|---|---|');
  console.log(
    `| writes per new insight | ${intake.writeCallsPerNewInsight} write calls (${intake.writeUnitsPerNewInsight} write units) | ${perNew!.target} | ${verdict(perNew!.met)} |`
  );
  console.log(
    `| writes per duplicate | ${intake.writeCallsPerDuplicate} write calls | ${perDuplicate!.target} | ${verdict(perDuplicate!.met)} |`
  );
  console.log(
    `| new insights per minute at the write quota | ${intake.newInsightsPerMinute ?? '—'} over ${intake.platformMinutes} platform minutes; busiest minute ${intake.peakWriteUnitsInAMinute} write units | the quota allows ${intakeQuotaRate(intake)} a minute sustained (1 500 of 4 000 write units ÷ ${intake.writeUnitsPerNewInsight}); ${rate!.target} | ${verdict(rate!.met)} |`
  );
  console.log('');
  console.log('| CPU | scale | ms (median of 5) |');
  console.log('|---|---|---:|');
  for (const c of cpu) console.log(`| ${c.name} | ${c.scale} | ${c.cpuMs} |`);
  console.log('');
  console.log('| Custom UI entry | gzip bytes | KiB | target | met |');
  console.log('|---|---:|---:|---|---|');
  for (const b of bundleVerdicts)
    console.log(
      `| ${b.entry} | ${b.gzipBytes} | ${(b.gzipBytes / 1024).toFixed(1)} | ${b.target} | ${verdict(b.met)} |`
    );
  if (bundles.length === 0) console.log('| (run `npm run build:ui` first) | | | | |');
  console.log('');
  console.log(
    '| headless Chromium, latency model on | median ms to first evidence | × floor | target | met |'
  );
  console.log('|---|---:|---:|---|---|');
  for (const b of browserVerdicts)
    console.log(
      `| ${b.page} | ${b.medianMs} | ${b.ratioToFloor.toFixed(2)} | ${b.met === undefined ? '—' : b.target} | ${verdict(b.met)} |`
    );
  if (browserError !== undefined) console.log(`| not measured: ${browserError} | | | | |`);
  else if (browser.length === 0) console.log('| (install Debian chromium to measure) | | | | |');
  console.log('');
  console.log(
    `| cross-check, model ÷ ${divisor} really waited | scale | model ms | wall ms | local host ms | waiting for a CPU ms | (wall − host − waiting) / model | within 20 % |`
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const c of checks)
    console.log(
      `| ${c.name} | ${c.scale} | ${c.modelMs} | ${c.wallMs} | ${c.engineMs} | ${c.runQueueMs} | ${c.ratio.toFixed(2)} | ${c.ok ? 'yes' : '**no**'} |`
    );
  console.log('');
  for (const [what, value] of Object.entries(setup)) console.log(`setup: ${value} ${what}`);
  for (const what of skipped) console.log(`not measured: ${what}`);
  console.log(`bench wall time: ${wallSeconds} s${quick ? ' (--quick)' : ''}`);
  console.log(`targets met: ${met} of ${judged.length}`);
  failOnCrossCheck(checks);
}

/**
 * Runs every scenario at a small scale twice: on the virtual clock, then with calls and
 * invokes really waiting the scaled model; compares wall time with the modelled time.
 */
async function crossChecks(divisor: number): Promise<CrossCheck[]> {
  const scenarios: ((run: BenchRun) => Promise<OperationRow[]>)[] = [
    async (run) => {
      const rows = await evidenceOnStory(10, run);
      return 'skipped' in rows ? [] : rows;
    },
    (run) => epicRollUp(run),
    async (run) => [await syncPerChange(run)],
    async (run) => [await importThroughput(200, run)],
    (run) => librarySearch(1000, run)
  ];
  const checks: CrossCheck[] = [];
  for (const scenario of scenarios) {
    const virtual = await scenario(VIRTUAL_RUN);
    const real = await scenario({ realWait: divisor });
    real.forEach((row, i) => checks.push(crossCheck(virtual[i]!, row, divisor)));
  }
  return checks;
}

function failOnCrossCheck(checks: readonly CrossCheck[]): void {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) return;
  for (const c of failed)
    console.error(`cross-check failed: ${c.name} at ${c.scale}: wall ${c.ratio}× the model`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
