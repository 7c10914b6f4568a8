import { readFileSync } from 'node:fs';

/**
 * Milliseconds this process's main thread has spent runnable but waiting for a CPU
 * (Linux `/proc/self/schedstat`, second field, in ns), or undefined where the kernel
 * does not say. On a shared machine a real wait ends late by this much: it is the
 * machine's load, not the app's work nor the model's, so the cross-check leaves it out.
 */
export function runQueueWaitMs(): number | undefined {
  try {
    const [, waitingNs] = readFileSync('/proc/self/schedstat', 'utf8').trim().split(/\s+/);
    const ns = Number(waitingNs);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
