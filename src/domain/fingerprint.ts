/**
 * Deterministic short fingerprints of JSON values: FNV-1a 64-bit over canonical JSON
 * (object keys sorted at every level), 16 hex characters. Used to record which scoring
 * settings produced a score and to give an imported row a stable identity, so that
 * re-importing the same file creates no duplicates. Not a security hash.
 */
// FNV-1a 64-bit in four 16-bit parts (so every product stays exact in a double): import
// and search fingerprint every long quote, and BigInt arithmetic per character made
// that a measurable share of an import's CPU time. The prime is 2^40 + 435.
const PRIME_LOW = 435;

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
  // The offset basis 0xcbf29ce484222325, low part first.
  let v0 = 0x2325;
  let v1 = 0x8422;
  let v2 = 0x9ce4;
  let v3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Hash both bytes of each UTF-16 code unit so non-ASCII text cannot collide trivially.
    for (let byte = unit & 0xff, left = unit > 0xff ? 1 : 0; ; byte = unit >> 8, left -= 1) {
      v0 ^= byte;
      const t0 = v0 * PRIME_LOW;
      let t1 = v1 * PRIME_LOW;
      let t2 = v2 * PRIME_LOW + (v0 << 8);
      const t3 = v3 * PRIME_LOW + (v1 << 8);
      t1 += t0 >>> 16;
      v0 = t0 & 0xffff;
      t2 += t1 >>> 16;
      v1 = t1 & 0xffff;
      v3 = (t3 + (t2 >>> 16)) & 0xffff;
      v2 = t2 & 0xffff;
      if (left === 0) break;
    }
  }
  return [v3, v2, v1, v0].map((part) => part.toString(16).padStart(4, '0')).join('');
}
