import { ValidationError } from './errors';
import {
  InsightInputSchema,
  InsightPatchSchema,
  isSafeHttpUrl,
  statusAfterLinking,
  statusOfLinked,
  validateObservedAt
} from './insight';
import { parseWith } from './parse';

const minimal = { summary: 'Export times out', sourceKind: 'ticket', observedAt: '2024-05-01' };
const parse = (input: unknown) => parseWith(InsightInputSchema, input, 'insight');
const patch = (input: unknown) => parseWith(InsightPatchSchema, input, 'insight edit');

function issues(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldIssues;
    throw e;
  }
  throw new Error('expected a ValidationError');
}
const pathsOf = (input: unknown) => issues(() => parse(input)).map((i) => i.path);

describe('InsightInputSchema', () => {
  it('fills defaults for a minimal capture (anonymous voice)', () => {
    expect(parse(minimal)).toEqual({
      summary: 'Export times out',
      quote: '',
      sourceKind: 'ticket',
      severity: 'medium',
      sentiment: 'neutral',
      observedAt: '2024-05-01T00:00:00.000Z',
      tags: []
    });
  });

  it('accepts a full capture and parses the nested account', () => {
    const v = parse({
      ...minimal,
      summary: '  trimmed  ',
      quote: 'It keeps failing',
      sourceUrl: 'https://support.example.com/tickets/1?x=1#y',
      account: { name: 'Acme', arr: 1000 },
      severity: 'critical',
      sentiment: 'negative',
      journeyStage: 'usage',
      observedAt: '2024-05-01T09:30:00+02:00',
      tags: [' billing ', 'Billing', 'export']
    });
    expect(v.summary).toBe('trimmed');
    expect(v.account).toEqual({ name: 'Acme', segment: 'unknown', arr: 1000 });
    expect(v.observedAt).toBe('2024-05-01T07:30:00.000Z');
    expect(v.tags).toEqual(['billing', 'export']);
  });

  it('treats an empty source URL as absent', () => {
    expect(parse({ ...minimal, sourceUrl: '' }).sourceUrl).toBeUndefined();
  });

  it.each([
    ['missing summary', { sourceKind: 'ticket', observedAt: '2024-05-01' }, 'summary'],
    ['blank summary', { ...minimal, summary: '   ' }, 'summary'],
    ['summary over 200', { ...minimal, summary: 'x'.repeat(201) }, 'summary'],
    ['quote over 4000', { ...minimal, quote: 'x'.repeat(4001) }, 'quote'],
    ['unknown source kind', { ...minimal, sourceKind: 'email' }, 'sourceKind'],
    ['unknown severity', { ...minimal, severity: 'urgent' }, 'severity'],
    ['unknown sentiment', { ...minimal, sentiment: 'angry' }, 'sentiment'],
    ['unknown journey stage', { ...minimal, journeyStage: 'churn' }, 'journeyStage'],
    ['unknown field', { ...minimal, priority: 1 }, 'priority'],
    ['unknown account field', { ...minimal, account: { name: 'A', mrr: 1 } }, 'account.mrr'],
    ['negative ARR', { ...minimal, account: { name: 'A', arr: -5 } }, 'account.arr'],
    ['NaN ARR', { ...minimal, account: { name: 'A', arr: Number.NaN } }, 'account.arr'],
    ['Infinity ARR', { ...minimal, account: { name: 'A', arr: Number.POSITIVE_INFINITY } }, 'account.arr'],
    ['21 tags', { ...minimal, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ['empty tag', { ...minimal, tags: ['ok', ' '] }, 'tags.1'],
    ['tag over 40', { ...minimal, tags: ['x'.repeat(41)] }, 'tags.0'],
    ['URL over 2000', { ...minimal, sourceUrl: `https://e.com/${'x'.repeat(2000)}` }, 'sourceUrl']
  ])('rejects %s at its field path', (_label, input, path) => {
    expect(pathsOf(input)).toContain(path);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    'ftp://e.com',
    'file:///etc/passwd',
    '/relative',
    'e.com'
  ])('rejects the unsafe link %p with a clear message', (url) => {
    const found = issues(() => parse({ ...minimal, sourceUrl: url }));
    expect(found).toEqual([{ path: 'sourceUrl', message: 'Only http:// and https:// links are allowed' }]);
  });

  it.each([
    '2024-02-30',
    '2024-13-01',
    '2024-05-01T25:00:00Z',
    '2024-05-01T10:00:00',
    '01/05/2024',
    'yesterday',
    '',
    '2024-05-01T10:00:00+24:00'
  ])('rejects the date %p', (observedAt) => {
    expect(pathsOf({ ...minimal, observedAt })).toEqual(['observedAt']);
  });

  it.each(['2024-02-29', '2024-05-01T10:00Z', '2024-05-01T10:00:00.123456Z', '2024-05-01T10:00:00-05:30'])(
    'accepts the date %p',
    (observedAt) => {
      expect(() => parse({ ...minimal, observedAt })).not.toThrow();
    }
  );

  it('accepts the length boundaries', () => {
    const v = parse({
      ...minimal,
      summary: 'x'.repeat(200),
      quote: 'q'.repeat(4000),
      tags: Array.from({ length: 20 }, (_, i) => `t${i}`)
    });
    expect(v.tags).toHaveLength(20);
  });
});

describe('InsightPatchSchema', () => {
  it('accepts an empty patch and sets no defaults', () => {
    expect(patch({})).toEqual({});
    expect(patch({ severity: 'high' })).toEqual({ severity: 'high' });
  });

  it('uses null (or an empty link) to clear optional fields', () => {
    expect(patch({ account: null, journeyStage: null, sourceUrl: null })).toEqual({
      account: null,
      journeyStage: null,
      sourceUrl: null
    });
    expect(patch({ sourceUrl: '' })).toEqual({ sourceUrl: null });
  });

  it('validates the fields it contains and rejects unknown ones', () => {
    expect(
      issues(() => patch({ summary: '', status: 'linked', sourceUrl: 'javascript:alert(1)' }))
        .map((i) => i.path)
        .sort()
    ).toEqual(['sourceUrl', 'status', 'summary']);
    expect(() => patch({ account: null, severity: null })).toThrow(ValidationError);
  });
});

describe('isSafeHttpUrl', () => {
  it.each(['http://e.com', 'https://e.com/a?b=c#d', 'HTTPS://E.COM/'])('accepts %p', (u) =>
    expect(isSafeHttpUrl(u)).toBe(true)
  );
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:,x',
    'https://user:pw@e.com',
    'https://',
    'http:// e.com',
    ' https://e.com',
    'https://e.com\n'
  ])('refuses %p', (u) => expect(isSafeHttpUrl(u)).toBe(false));
});

describe('validateObservedAt', () => {
  const now = new Date('2024-05-10T12:00:00Z');

  it('accepts past dates and up to one day ahead, returning ISO form', () => {
    expect(validateObservedAt('2024-05-01', now)).toBe('2024-05-01T00:00:00.000Z');
    expect(validateObservedAt('2024-05-11T12:00:00Z', now)).toBe('2024-05-11T12:00:00.000Z');
  });

  it('refuses dates more than a day in the future', () => {
    const found = issues(() => validateObservedAt('2024-05-11T12:00:01Z', now));
    expect(found.map((i) => i.path)).toEqual(['observedAt']);
    expect(found[0]?.message).toMatch(/future/);
  });

  it('refuses malformed dates', () => {
    expect(() => validateObservedAt('2024-02-30', now)).toThrow(ValidationError);
  });
});

describe('insight status from the issues it backs', () => {
  it('is back in the inbox with no link, addressed when all are done, linked while any is open', () => {
    expect(statusOfLinked('addressed', 0, [])).toBe('new');
    expect(statusOfLinked('linked', 2, ['done', 'done'])).toBe('addressed');
    expect(statusOfLinked('addressed', 2, ['done', 'indeterminate'])).toBe('linked');
    expect(statusOfLinked('new', 1, ['new'])).toBe('linked');
  });

  it('keeps a dismissed insight dismissed, and a linked one when Jira gave no state', () => {
    expect(statusOfLinked('dismissed', 2, ['done', 'done'])).toBe('dismissed');
    expect(statusOfLinked('addressed', 1, [])).toBe('addressed');
    expect(statusOfLinked('new', 1, [])).toBe('linked');
  });

  it('after one more link: an open issue makes it linked, a done one addresses it unless another is open', () => {
    expect(statusAfterLinking('addressed', 'indeterminate')).toBe('linked');
    expect(statusAfterLinking('new', 'done')).toBe('addressed');
    expect(statusAfterLinking('addressed', 'done')).toBe('addressed');
    expect(statusAfterLinking('linked', 'done')).toBe('linked');
    expect(statusAfterLinking('dismissed', 'new')).toBe('dismissed');
  });
});
