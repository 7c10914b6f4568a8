import { z } from 'zod';
import { ValidationError } from './errors';
import { parseWith } from './parse';

const Schema = z.strictObject({ account: z.strictObject({ arr: z.number().min(0) }), name: z.string() });

function failure(input: unknown): ValidationError {
  try {
    parseWith(Schema, input, 'thing');
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('parseWith', () => {
  it('returns the parsed value', () => {
    expect(parseWith(Schema, { account: { arr: 1 }, name: 'x' }, 'thing')).toEqual({
      account: { arr: 1 },
      name: 'x'
    });
  });

  it('throws a ValidationError naming what was parsed, with dotted paths for every problem', () => {
    const e = failure({ account: { arr: -1 }, name: 3 });
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/^Invalid thing: /);
    expect(e.fieldIssues.map((i) => i.path).sort()).toEqual(['account.arr', 'name']);
    for (const issue of e.fieldIssues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('reports each unknown field at its own path', () => {
    const e = failure({ account: { arr: 1, extra: 1 }, name: 'x', other: 2 });
    expect(e.fieldIssues).toEqual(
      expect.arrayContaining([
        { path: 'account.extra', message: 'Unknown field' },
        { path: 'other', message: 'Unknown field' }
      ])
    );
  });

  it('reports a wrong root type at the empty path', () => {
    expect(failure('nope').fieldIssues).toEqual([expect.objectContaining({ path: '' })]);
  });
});
