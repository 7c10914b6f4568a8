import { createHmac } from 'node:crypto';
import { canonicalJson } from '../domain/fingerprint';

/**
 * A stable id for a value that nobody can derive without the secret: HMAC-SHA-256 of
 * the value's canonical JSON, 128 bits in hex. The same value under the same secret
 * always gives the same id (so a re-import finds its first import's rows); knowing the
 * value alone (a ticket key) gives nothing.
 */
export function keyedId(secret: string, value: unknown): string {
  return createHmac('sha256', secret).update(canonicalJson(value)).digest('hex').slice(0, 32);
}
