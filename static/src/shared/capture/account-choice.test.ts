import type { Account } from '../../../../src/domain/account';
import { accountChoice } from './account-choice';

const acme: Account = {
  key: 'acme-corporation',
  name: 'Acme Corporation',
  segment: 'enterprise',
  arr: 480000,
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 3
};

describe('accountChoice', () => {
  it('takes a variant spelling of a stored account as that account', () => {
    const matches = { query: 'acme  CORPORATION', view: { items: [acme], exact: acme.key } };
    expect(accountChoice('acme  CORPORATION', matches, undefined)).toEqual({
      kind: 'existing',
      account: acme
    });
  });

  it('asks about a name no account has until it is confirmed as new', () => {
    const matches = { query: 'Acme Rock', view: { items: [] } };
    expect(accountChoice('Acme Rock', matches, undefined)).toEqual({ kind: 'undecided', name: 'Acme Rock' });
    expect(accountChoice('Acme Rock', matches, 'acme rock')).toEqual({ kind: 'new', name: 'Acme Rock' });
  });

  it('takes the text as typed when no answer is about it', () => {
    expect(accountChoice('Acme Rockets', { query: 'Acme', view: { items: [acme] } }, undefined)).toEqual({
      kind: 'none'
    });
    expect(accountChoice('  ', undefined, undefined)).toEqual({ kind: 'none' });
  });
});
