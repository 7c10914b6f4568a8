/**
 * Deterministic short fingerprints of JSON values: FNV-1a 64-bit over canonical JSON
 * (object keys sorted at every level), 16 hex characters. Used to record which scoring
 * settings produced a score and to give an imported row a stable identity, so that
 * re-importing the same file creates no duplicates. Not a security hash.
 */
const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

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
  let h = FNV64_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Hash both bytes of each UTF-16 code unit so non-ASCII text cannot collide trivially.
    h = ((h ^ BigInt(unit & 0xff)) * FNV64_PRIME) & MASK64;
    if (unit > 0xff) h = ((h ^ BigInt(unit >> 8)) * FNV64_PRIME) & MASK64;
  }
  return h.toString(16).padStart(16, '0');
}
