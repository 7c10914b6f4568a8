import { kvsErrors } from './kvs-errors';
import { KVS_LIMITS, TTL_UNIT_MS } from './kvs-limits';
import type { TtlOption } from './wire-format';

/** Checks a key against the documented key rules, in the order the docs list them. */
export function checkKey(key: unknown): string {
  if (key === undefined || key === null || key === '') throw kvsErrors.emptyKey();
  if (typeof key !== 'string') throw kvsErrors.badRequest('key must be a string');
  if (key.length > KVS_LIMITS.keyMaxLength) throw kvsErrors.keyTooLong(KVS_LIMITS.keyMaxLength);
  if (!KVS_LIMITS.keyPattern.test(key)) throw kvsErrors.invalidKey();
  return key;
}

/** Checks a value's persisted size (its raw JSON bytes) and object depth; returns the JSON. */
export function checkValue(value: unknown): string {
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > KVS_LIMITS.valueMaxBytes) throw kvsErrors.maxSize(bytes, KVS_LIMITS.valueMaxBytes);
  if (depthOf(value) > KVS_LIMITS.maxDepth) throw kvsErrors.maxDepth(KVS_LIMITS.maxDepth);
  return json;
}

/** A scalar has depth 0; each enclosing object or array adds one. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** Turns a relative TTL into an absolute expiry (epoch ms), enforcing a positive whole value ≤ 1 year. */
export function expiryFor(ttl: TtlOption | undefined, now: number): number | null {
  if (!ttl) return null;
  if (!Number.isInteger(ttl.value) || ttl.value <= 0) {
    throw kvsErrors.invalidTtl(`TTL value must be a positive integer, received: ${ttl.value}`);
  }
  const ms = ttl.value * TTL_UNIT_MS[ttl.unit];
  if (ms > KVS_LIMITS.ttlMaxMs) throw kvsErrors.invalidTtl('TTL cannot be longer than 1 year');
  return now + ms;
}
