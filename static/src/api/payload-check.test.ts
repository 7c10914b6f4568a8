import { EmptyPayload } from '../../../src/contract/payloads';
import { EMPTY_PAYLOAD_KEYS } from './empty-payload-keys';
import { payloadSchemas } from './payload-check';

it('lists exactly the keys whose payload schema is the empty one', () => {
  const empty = Object.entries(payloadSchemas)
    .filter(([, schema]) => schema === EmptyPayload)
    .map(([key]) => key)
    .sort();
  expect([...EMPTY_PAYLOAD_KEYS].sort()).toEqual(empty);
});
