/**
 * Deterministic short fingerprints of JSON values: FNV-1a 64-bit over canonical JSON
 * (object keys sorted at every level), 16 hex characters. Used to record which scoring
 * settings produced a score and to give an imported row a stable identity, so that
 * re-importing the same file creates no duplicates. Not a security hash.
 */
// FNV-1a 64-bit in two 32-bit halves: import and search fingerprint every long quote, and
// BigInt arithmetic per character made that a measurable share of an import's CPU time.
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
/** The prime is 2^40 + 0x1b3. */
const PRIME_LOW_PART = 0x1b3;
const TWO_32 = 0x100000000;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with object keys sorted recursively; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint of a value; key order never changes it, any changed value does. */
export function fingerprint(value: unknown): string {
  const text = canonicalJson(value);
  let hi = OFFSET_HI;
  let lo = OFFSET_LO;
  const mix = (byte: number): void => {
    lo = (lo ^ byte) >>> 0;
    // h × (2^40 + 0x1b3) mod 2^64: the 2^40 term adds lo << 8 to the high half.
    const low = lo * PRIME_LOW_PART;
    const carry = Math.floor(low / TWO_32);
    hi = (Math.imul(hi, PRIME_LOW_PART) + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Hash both bytes of each UTF-16 code unit so non-ASCII text cannot collide trivially.
    mix(unit & 0xff);
    if (unit > 0xff) mix(unit >> 8);
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
