import type { LogicalClock } from './logical-clock';

/**
 * Forge's invocation limits ("Invocation limits"): how long a function may run, how
 * often users may invoke the app, and how large a call and its answer may be. The
 * local host refuses what Forge would refuse, so the app meets the limits in tests.
 */
export const INVOCATION_LIMITS = {
  /** UI resolvers and product-event triggers. */
  resolverTimeoutMs: 25_000,
  /** Consumer and scheduled-trigger functions without `timeoutSeconds`. */
  defaultLongTimeoutMs: 55_000,
  /** The most `timeoutSeconds` may ask for (consumer-only and scheduled functions). */
  maxLongTimeoutMs: 900_000,
  perUserPerMinute: 1200,
  perInstallPerMinute: 5000,
  requestBytes: 500 * 1024,
  responseBytes: 5 * 1024 * 1024
} as const;

export type InvocationRefusal = 'TIMEOUT' | 'RATE_LIMITED' | 'REQUEST_TOO_LARGE' | 'RESPONSE_TOO_LARGE';

/** What the platform answers instead of the function's result when a limit is hit. */
export class InvocationRefusedError extends Error {
  constructor(
    readonly code: InvocationRefusal,
    message: string
  ) {
    super(message);
    this.name = 'InvocationRefusedError';
  }
}

/** The timeout of a consumer or scheduled function, from its manifest `timeoutSeconds`. */
export function longRunningTimeoutMs(timeoutSeconds: number | undefined): number {
  if (timeoutSeconds === undefined) return INVOCATION_LIMITS.defaultLongTimeoutMs;
  return Math.min(INVOCATION_LIMITS.maxLongTimeoutMs, timeoutSeconds * 1000);
}

/**
 * Runs `work`, refusing it once the logical clock has moved `limitMs` past its start:
 * Forge stops the function then, whatever it was doing.
 */
export async function withTimeout<T>(
  clock: LogicalClock,
  limitMs: number,
  work: () => Promise<T>
): Promise<T> {
  const timer = clock.after(limitMs);
  try {
    return await Promise.race([
      work(),
      timer.promise.then(() => {
        throw new InvocationRefusedError('TIMEOUT', `The function ran longer than ${limitMs / 1000} s.`);
      })
    ]);
  } finally {
    timer.cancel();
  }
}

/** Counts invocations in fixed one-minute windows of the logical clock. */
export class InvocationRate {
  private window = { minute: -1, total: 0, byUser: new Map<string, number>() };

  constructor(private readonly clock: LogicalClock) {}

  /** Counts one user-led invocation; throws when it is over a per-minute limit. */
  take(accountId: string | undefined): void {
    const minute = Math.floor(this.clock.now() / 60_000);
    if (this.window.minute !== minute) this.window = { minute, total: 0, byUser: new Map() };
    const user = accountId ?? 'anonymous';
    const forUser = this.window.byUser.get(user) ?? 0;
    if (
      forUser >= INVOCATION_LIMITS.perUserPerMinute ||
      this.window.total >= INVOCATION_LIMITS.perInstallPerMinute
    ) {
      throw new InvocationRefusedError('RATE_LIMITED', 'Too many invocations this minute.');
    }
    this.window.byUser.set(user, forUser + 1);
    this.window.total += 1;
  }
}

export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));
}
