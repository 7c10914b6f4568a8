/**
 * Fault injection for reliability tests: a rule decides, per call, whether the
 * platform answers with an error, a throttle or a timeout instead of the real answer.
 * `partial` is a KVS fault: the call runs, but the items whose key matches `keys` fail
 * transiently on their own (a batch reports them under `failedKeys`; a single-key call
 * fails as a whole), as a batch's parallel items can on Forge.
 */
export type FaultKind = 'error' | 'throttle' | 'timeout' | 'partial';

export interface FaultRule {
  kind: 'kvs' | 'jira';
  /** Matches the request path (KVS: `/api/v1/transaction`; Jira: `/rest/api/3/...`). */
  path?: RegExp;
  fault: FaultKind;
  /**
   * KVS only. For `partial`: the keys that fail; every key when omitted. For the other
   * kinds: the call fails as a whole only when it names one of them (a storage call at
   * one exact moment, say the read of one setting). Either way a call naming none of
   * them is not affected and does not use up the rule's `times`.
   */
  keys?: RegExp;
  /** How many matching calls fail; undefined means every one. */
  times?: number;
}

export class FaultInjector {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** Returns the fault to inject for this call, consuming one use of its rule. */
  take(kind: 'kvs' | 'jira', path: string): FaultKind | undefined {
    return this.takeRule(kind, path)?.fault;
  }

  /** Like `take`, with the whole rule (a `partial` fault needs its keys); `keys` are the call's. */
  takeRule(kind: 'kvs' | 'jira', path: string, keys: readonly string[] = []): FaultRule | undefined {
    for (const entry of this.rules) {
      if (entry.rule.kind !== kind || entry.left <= 0) continue;
      if (entry.rule.path && !entry.rule.path.test(path)) continue;
      const failing = entry.rule.keys;
      if (failing && !keys.some((key) => failing.test(key))) continue;
      entry.left -= 1;
      return entry.rule;
    }
    return undefined;
  }
}
