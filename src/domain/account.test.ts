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

  it('refuses what storage would refuse: a sub-cent ARR, a name with nothing to key it by', () => {
    expect(issuesOf({ name: 'a', arr: 1e-200 })).toContain('arr');
    expect(issuesOf({ name: 'a', arr: 0.001 })).toContain('arr');
    expect(issuesOf({ name: '!!!' })).toContain('name');
    expect(issuesOf({ name: '\u200b' })).toContain('name');
    expect(issuesOf({ name: 'a', key: '...' })).toContain('key');
    expect(parse({ name: '🚀', arr: 0.01 })).toMatchObject({ name: '🚀', arr: 0.01 });
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
    expect(a).toMatch(/^[a-zA-Z0-9._-]+$/);
    expect(a).not.toBe(b);
  });

  it('gives distinct names distinct keys in every script, emoji included', () => {
    const names = [
      '株',
      'x682a',
      'X0KKQ',
      'Rocket 🚀',
      'Rocket 🛸',
      'Rocket',
      '🚀',
      'किताब',
      'कताब',
      'كتاب',
      'Søren',
      'Soren',
      '👨‍👩‍👧',
      '👨👩👧',
      '🇫🇷',
      '🇩🇪',
      'Ünïcødé',
      'Ω Systems',
      'ω Systems Ltd'
    ];
    const keys = names.map(normaliseAccountKey);
    expect(new Set(keys).size).toBe(names.length);
    for (const key of keys) expect(key).toMatch(/^[a-zA-Z0-9._-]{1,400}$/);
  });

  it('still resolves case, width, accent and spacing variants to one key', () => {
    expect(normaliseAccountKey('ROCKET  🚀')).toBe(normaliseAccountKey(' rocket 🚀 '));
    expect(normaliseAccountKey('ＡＣＭＥ Inc')).toBe(normaliseAccountKey('acme inc.'));
    expect(normaliseAccountKey('株式会社 Ｘ')).toBe(normaliseAccountKey('株式会社 x'));
    expect(normaliseAccountKey('Ωmega')).toBe(normaliseAccountKey('ωMEGA'));
    // Composed or decomposed, one text is one name.
    expect(normaliseAccountKey('Cafe\u0301')).toBe(normaliseAccountKey('Caf\u00e9'));
    expect(normaliseAccountKey('\u0915\u093f')).toBe(normaliseAccountKey('कि'));
  });

  it('keeps the keys earlier versions stored for ASCII names', () => {
    expect(normaliseAccountKey('Acme Corporation')).toBe('acme-corporation');
    expect(normaliseAccountKey('SF_001.eu-west')).toBe('sf_001.eu-west');
  });

  it('keeps long keys within storage limits without merging distinct names', () => {
    const long = '株'.repeat(119);
    const a = normaliseAccountKey(`${long}a`);
    const b = normaliseAccountKey(`${long}b`);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(400);
    expect(a).toMatch(/^[a-zA-Z0-9._-]+$/);
    expect(normaliseAccountKey('a'.repeat(120))).toBe('a'.repeat(120));
  });

  it('throws a ValidationError when nothing is left', () => {
    expect(() => normaliseAccountKey('!!! ,,, ')).toThrow(ValidationError);
    expect(() => normaliseAccountKey('')).toThrow(ValidationError);
  });

  it('only ever produces storage-safe keys, for any text the schema accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
        const parsed = AccountInputSchema.safeParse({ name: s });
        let key: string;
        try {
          key = normaliseAccountKey(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect(parsed.success).toBe(false);
          return;
        }
        expect(key).toMatch(/^[a-zA-Z0-9._-]{1,400}$/);
      })
    );
  });

  it('merges two names exactly when they differ only in case, punctuation or spacing', () => {
    // Word characters from several scripts (a name's escape spelt out among them), and separators.
    const word = fc.constantFrom(
      'a',
      'B',
      'x',
      '6',
      '8',
      '2',
      'k',
      'q',
      'X',
      '株',
      '式',
      '🚀',
      '🛸',
      'ק',
      'ж',
      'Ж',
      'é'
    );
    const gap = fc.constantFrom(' ', '-', ',', '  ', ' - ', '!');
    const name = fc
      .array(fc.oneof(word, gap), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.join(''));
    const words = (s: string): string =>
      s
        .toLowerCase()
        .replace(/[,!]/g, '')
        .split(/[\s-]+/)
        .filter((w) => w !== '')
        .join(' ');
    fc.assert(
      fc.property(name, name, (a, b) => {
        if (words(a) === '' || words(b) === '') return;
        expect(normaliseAccountKey(a) === normaliseAccountKey(b)).toBe(words(a) === words(b));
      }),
      { numRuns: 3000 }
    );
  });
});
