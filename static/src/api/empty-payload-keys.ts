import type { ContractKey, PayloadOf } from '../../../src/contract/surfaces';

/** The contract keys whose payload has no fields at all (`EmptyPayload`). */
type EmptyPayloadKey = {
  [K in ContractKey]: [PayloadOf<K>] extends [Record<string, never>] ? K : never;
}[ContractKey];

/**
 * Listed by hand so this module stays free of the schemas (zod); the compiler refuses a
 * key whose payload has fields, and payload-check.test.ts fails if one is missing.
 */
export const EMPTY_PAYLOAD_KEYS = [
  'panel/getEvidence',
  'panel/getAccess',
  'project/getAccess',
  'project/getImportMappings',
  'project/inboxCounts',
  'project/loopClosing',
  'admin/getSettings',
  'admin/rescoreProgress',
  'admin/retryRescore',
  'admin/publishFailures',
  'admin/listRoles',
  'admin/listIntakeSources'
] as const satisfies readonly EmptyPayloadKey[];

export function isEmptyPayloadKey(key: ContractKey): boolean {
  return (EMPTY_PAYLOAD_KEYS as readonly string[]).includes(key);
}
