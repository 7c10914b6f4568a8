import fc from 'fast-check';
import { AccountInputSchema, normaliseAccountKey } from './account';
import { ValidationError } from './errors';
import { parseWith } from './parse';

const parse = (input: unknown) => parseWith(AccountInputSchema, input, 'account');

function issuesOf(input: unknown): string[] {
  try {
    parse(input);
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldIssues.map((i) => i.path);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('AccountInputSchema', () => {
  it('fills defaults and trims the name', () => {
    expect(parse({ name: '  Acme ' })).toEqual({ name: 'Acme', segment: 'unknown', arr: 0 });
  });

  it('accepts a full account', () => {
    expect(parse({ key: 'SF-001', name: 'Acme', segment: 'enterprise', arr: 240000 })).toEqual({
      key: 'SF-001',
      name: 'Acme',
      segment: 'enterprise',
      arr: 240000
    });
  });

  it.each([
    ['empty name', { name: '   ' }, 'name'],
    ['long name', { name: 'x'.repeat(121) }, 'name'],
    ['empty key', { name: 'a', key: '' }, 'key'],
    ['long key', { name: 'a', key: 'k'.repeat(121) }, 'key'],
    ['unknown segment', { name: 'a', segment: 'giant' }, 'segment'],
    ['negative ARR', { name: 'a', arr: -1 }, 'arr'],
    ['NaN ARR', { name: 'a', arr: Number.NaN }, 'arr'],
    ['Infinity ARR', { name: 'a', arr: Number.POSITIVE_INFINITY }, 'arr'],
    ['huge ARR', { name: 'a', arr: 1e13 }, 'arr'],
    ['string ARR', { name: 'a', arr: '1000' }, 'arr'],
    ['unknown field', { name: 'a', mrr: 5 }, 'mrr']
  ])('rejects %s', (_label, input, path) => {
    expect(issuesOf(input)).toContain(path);
  });

  it('accepts the boundaries', () => {
    expect(parse({ name: 'x'.repeat(120), arr: 1e12 }).arr).toBe(1e12);
    expect(parse({ name: 'x', arr: 0 }).arr).toBe(0);
  });
});

describe('normaliseAccountKey', () => {
  it('maps spellings of one company to one key', () => {
    expect(normaliseAccountKey('Acme, Inc.')).toBe('acme-inc');
    expect(normaliseAccountKey(' acme inc ')).toBe('acme-inc');
    expect(normaliseAccountKey('ACME   Inc')).toBe('acme-inc');
    expect(normaliseAccountKey('Acme - Inc.')).toBe('acme-inc');
  });

  it('keeps -_. and folds accents', () => {
    expect(normaliseAccountKey('SF_001.eu-west')).toBe('sf_001.eu-west');
    expect(normaliseAccountKey('Café Société')).toBe('cafe-societe');
    expect(normaliseAccountKey("O'Reilly & Sons!")).toBe('oreilly-sons');
  });

  it('keeps non-Latin names distinct instead of dropping them', () => {
    const a = normaliseAccountKey('株式会社');
    const b = normaliseAccountKey('有限会社');
    expect(a).toMatch(/^[a-z0-9._-]+$/);
    expect(a).not.toBe(b);
  });

  it('caps the key at 120 characters', () => {
    expect(normaliseAccountKey('a'.repeat(300))).toHaveLength(120);
    expect(normaliseAccountKey(`${'a'.repeat(119)} b`)).toBe('a'.repeat(119));
  });

  it('throws a ValidationError when nothing is left', () => {
    expect(() => normaliseAccountKey('!!! ,,, ')).toThrow(ValidationError);
    expect(() => normaliseAccountKey('')).toThrow(ValidationError);
  });

  it('only ever produces [a-z0-9._-], and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        let key: string;
        try {
          key = normaliseAccountKey(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          return;
        }
        expect(key).toMatch(/^[a-z0-9._-]{1,120}$/);
        expect(normaliseAccountKey(key)).toBe(key);
      })
    );
  });
});
