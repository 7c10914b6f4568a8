/**
 * Names a moment of the panel's start for `bench/browser-timing-only.ts --phases`. A page
 * without the User Timing API (jsdom, older embedded browsers) skips it: a mark must never
 * be what stops the evidence from showing.
 */
export function markPhase(name: string): void {
  if (typeof performance.mark === 'function') performance.mark(name);
}
