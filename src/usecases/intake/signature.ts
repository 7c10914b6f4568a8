import { createHmac, timingSafeEqual } from 'node:crypto';

/** The request header that carries the sender's clock, in whole seconds since the epoch. */
export const TIMESTAMP_HEADER = 'x-evidence-timestamp';
/** The request header that carries `sha256=<hex>`: HMAC-SHA256 of `${timestamp}.${rawBody}`. */
export const SIGNATURE_HEADER = 'x-evidence-signature';
/**
 * How far the sender's timestamp may be from ours, either way. A captured request
 * replayed later than this is refused; within it, a replay only finds its items stored
 * already (deliveries are idempotent by source and external id).
 */
export const SIGNATURE_MAX_AGE_MS = 5 * 60 * 1000;

const SIGNATURE_RE = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP_RE = /^\d{1,12}$/;

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * The signature a sender puts in `X-Evidence-Signature` for `rawBody` sent at
 * `timestamp` (seconds): the timestamp is signed with the body, so an old signature
 * cannot be moved onto a fresh timestamp.
 */
export function signIntakeBody(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

/**
 * Checks a request's signature against the source's secret, at `now`. The comparison
 * takes the same time however many leading bytes match (timingSafeEqual), so the
 * signature cannot be guessed byte by byte from response times.
 */
export function verifyIntakeSignature(args: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
}): SignatureCheck {
  const { secret, timestamp, signature, rawBody, now } = args;
  if (timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing' };
  const given = SIGNATURE_RE.exec(signature.trim());
  if (!TIMESTAMP_RE.test(timestamp.trim()) || !given) return { ok: false, reason: 'malformed' };
  const sentAtMs = Number(timestamp.trim()) * 1000;
  if (Math.abs(now.getTime() - sentAtMs) > SIGNATURE_MAX_AGE_MS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(
    signIntakeBody(secret, timestamp.trim(), rawBody).slice('sha256='.length),
    'hex'
  );
  const actual = Buffer.from(given[1]!.toLowerCase(), 'hex');
  return timingSafeEqual(expected, actual) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
