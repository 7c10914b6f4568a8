/**
 * The documented Forge KVS / Custom Entity Store limits the local engine enforces.
 * Sources (developer.atlassian.com/platform/forge/...):
 * - limits-kvs-ce: key length 500, key regex, value size 240 KiB (raw), object depth 31.
 * - runtime-reference/custom-entities: integer is 32-bit signed; float is 0 or within ±[1E-130, 9.99…E+125];
 *   strings must contain a non-whitespace character; range values ≤ 900 bytes, partition values ≤ 1700 bytes.
 * - storage-reference/handling-errors-customentities: page limit must be between 1 and 100.
 * - storage-reference/kvs-api query: 10 results per page when no limit is given.
 * - storage-reference/transactions: at most 25 operations, each key once.
 * - storage-reference/entities-batch: at most 25 keys per batch operation.
 * - storage-reference/kvs-api set: maximum TTL is one year.
 */
export const KVS_LIMITS = {
  keyMaxLength: 500,
  // Written with `-` last so the class is valid with and without the `u` flag (the docs write `\s-#`).
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/,
  valueMaxBytes: 240 * 1024,
  maxDepth: 31,
  pageDefault: 10,
  pageMax: 100,
  batchMaxItems: 25,
  transactionMaxOperations: 25,
  ttlMaxMs: 365 * 24 * 60 * 60 * 1000,
  int32Min: -2_147_483_648,
  int32Max: 2_147_483_647,
  floatMinMagnitude: 1e-130,
  // The docs' upper bound is 9.9999999999999999999999999999999999999E+125 inclusive; as a double that is < 1E+126.
  floatMaxMagnitudeExclusive: 1e126,
  rangeValueMaxBytes: 900,
  partitionValueMaxBytes: 1700
} as const;

export const TTL_UNIT_MS = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000
} as const;
