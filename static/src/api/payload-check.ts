import {
  adminPayloads,
  panelPayloads,
  projectPayloads,
  requestPayloads,
  type ContractKey
} from '../../../src/contract/surfaces';
import type { FieldIssue } from '../../../src/domain/errors';
import { toFieldIssues } from '../../../src/domain/parse';

/** The payload schemas of every surface this UI calls, by key. Loaded on demand (zod). */
export const payloadSchemas = {
  ...panelPayloads,
  ...projectPayloads,
  ...adminPayloads,
  ...requestPayloads
} satisfies Record<ContractKey, unknown>;

/** The problems the resolver's own schema finds in `payload`; none means it may be sent. */
export function payloadIssues(key: ContractKey, payload: unknown): FieldIssue[] {
  const checked = payloadSchemas[key].safeParse(payload);
  return checked.success ? [] : toFieldIssues(checked.error.issues);
}
