import { fingerprint } from '../domain/fingerprint';
import { keyedId } from './keyed-id';

describe('keyedId', () => {
  it('is stable for one secret and changes with the secret', () => {
    const a = keyedId('s'.repeat(64), { project: '10000', key: 'TICKET-1' });
    expect(keyedId('s'.repeat(64), { key: 'TICKET-1', project: '10000' })).toBe(a);
    expect(keyedId('t'.repeat(64), { project: '10000', key: 'TICKET-1' })).not.toBe(a);
  });

  it('does not contain the unkeyed fingerprint anyone could compute', () => {
    const value = { key: 'TICKET-1' };
    expect(keyedId('s'.repeat(64), value)).not.toContain(fingerprint(value));
    expect(keyedId('s'.repeat(64), value)).toMatch(/^[0-9a-f]{32}$/);
  });
});
