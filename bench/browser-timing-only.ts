import { BROWSER_ROUNDS, browserTimingWithPhases } from './browser-timing';
import { FIRST_EVIDENCE } from './targets';

/**
 * `npx tsx bench/browser-timing-only.ts [runs]`: only the time to first evidence in
 * headless Chromium (the floor page and the issue panel alternating, median of `runs` cold
 * loads each, as many as the quick bench by default), without the rest of the bench. Build the UI first (`npm run build:ui`).
 * `--phases` also prints where the median panel load spent its time: each resource's
 * request and last byte, the page's own marks, and main-thread tasks of 50 ms or more.
 */
async function main(): Promise<void> {
  const runsArg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const runs = runsArg === undefined ? BROWSER_ROUNDS.quick : Number(runsArg);
  const { rows, phases } = await browserTimingWithPhases(runs);
  if (rows.length === 0) throw new Error('no Chromium to measure with (set CHROMIUM_PATH)');
  for (const row of rows) {
    const verdict = FIRST_EVIDENCE.met(row);
    const judged = verdict === undefined ? '' : verdict ? ' (met)' : ` (not met: ${FIRST_EVIDENCE.text})`;
    console.log(`${row.page}: ${row.medianMs} ms, ${row.ratioToFloor} × floor${judged}`);
  }
  if (!process.argv.includes('--phases')) return;
  for (const p of phases) {
    console.log(`\n${p.page}: first evidence at ${p.firstEvidenceMs} ms (its median run)`);
    const events = [
      ...p.resources.map((r) => ({ at: r.startMs, text: `${r.name} requested, last byte at ${r.endMs} ms` })),
      ...p.marks.map((m) => ({ at: m.atMs, text: `mark ${m.name}` })),
      ...p.longTasks.map((t) => ({ at: t.startMs, text: `long task of ${t.durationMs} ms` }))
    ].sort((a, b) => a.at - b.at);
    for (const e of events) console.log(`  ${String(e.at).padStart(5)} ms  ${e.text}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
