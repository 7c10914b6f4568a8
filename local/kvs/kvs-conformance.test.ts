/**
 * CONFORMANCE SUITE — pins the wire format of @forge/kvs@1.6.5 (package.json pins it exactly).
 *
 * Every test drives the REAL `@forge/kvs` client through the local ForgeHost's `__forge_fetch__`
 * into KvsEngine. The request paths and bodies asserted in "wire format" below, and the response
 * shapes the other tests rely on, are undocumented SDK internals (out/storage-api.js and friends).
 * If an SDK upgrade changes any of them this suite fails loudly: re-read the new SDK's `out/`
 * sources, update the engine, then update the pinned expectations here. Do not loosen them.
 */
import {
  Filter,
  FilterConditions,
  ForgeKvsAPIError,
  kvs,
  MetadataField,
  Sort,
  WhereConditions
} from '@forge/kvs';
import { join } from 'node:path';
import { KvsEngine } from './kvs-engine';
import { startLocalKvs, tempDir, testEntities, type LocalKvs } from './kvs-test-kit';

/** Awaits a rejection and returns it as the SDK's API error, failing otherwise. */
async function apiError(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

async function expectRefusal(
  promise: Promise<unknown>,
  status: number,
  code: string
): Promise<ForgeKvsAPIError> {
  const error = await apiError(promise);
  expect({ status: error.responseDetails.status, code: error.code }).toEqual({ status, code });
  return error;
}

/** Any clause `FilterConditions` builds. */
type FilterCondition = ReturnType<(typeof FilterConditions)[keyof typeof FilterConditions]>;

interface Impact {
  projectId: string;
  issueId: string;
  score: number;
  accounts?: number;
}

let local: LocalKvs;
beforeEach(() => {
  local = startLocalKvs();
});
afterEach(() => local.stop());

describe('wire format of @forge/kvs 1.6.5', () => {
  it('sends each operation to its documented-by-source path with the exact body', async () => {
    await kvs.set('k1', { a: 1 }, { ttl: { unit: 'MINUTES', value: 5 } });
    await kvs.get('k1', { metadataFields: [MetadataField.CREATED_AT] });
    await kvs.delete('k1');
    await kvs.query().where('key', WhereConditions.beginsWith('k')).limit(5).getMany();
    await kvs.setSecret('s1', 'x');
    await kvs.entity<Impact>('impact').set('i1', { projectId: 'P', issueId: '1', score: 1.5 });
    await kvs
      .entity<Impact>('impact')
      .query()
      .index('by-project-score', { partition: ['P'] })
      .where(WhereConditions.greaterThan(1))
      .filters(new Filter<Impact>().and('issueId', FilterConditions.equalTo('1')))
      .sort(Sort.DESC)
      .limit(2)
      .getMany();
    await kvs.batchGet([{ key: 'k1' }, { key: 'i1', entityName: 'impact' }]);
    await kvs
      .transact()
      .set('t1', 'v')
      .delete('i1', {
        entityName: 'impact',
        conditions: new Filter<Impact>().and('score', FilterConditions.exists())
      })
      .execute();

    expect(local.recorder.calls).toEqual([
      {
        path: '/api/v1/set',
        body: { key: 'k1', value: { a: 1 }, options: { ttl: { unit: 'MINUTES', value: 5 } } }
      },
      { path: '/api/v1/get', body: { key: 'k1', options: { metadataFields: ['CREATED_AT'] } } },
      { path: '/api/v1/delete', body: { key: 'k1' } },
      {
        path: '/api/v1/query',
        body: { limit: 5, where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['k'] }] }
      },
      { path: '/api/v1/secret/set', body: { key: 's1', value: 'x' } },
      {
        path: '/api/v1/entity/set',
        body: { entityName: 'impact', key: 'i1', value: { projectId: 'P', issueId: '1', score: 1.5 } }
      },
      {
        path: '/api/v1/entity/query',
        body: {
          entityName: 'impact',
          indexName: 'by-project-score',
          partition: ['P'],
          range: { condition: 'GREATER_THAN', values: [1] },
          sort: 'DESC',
          limit: 2,
          filters: { and: [{ property: 'issueId', condition: 'EQUAL_TO', values: ['1'] }] }
        }
      },
      { path: '/api/v1/batch/get', body: [{ key: 'k1' }, { key: 'i1', entityName: 'impact' }] },
      {
        path: '/api/v1/transaction',
        body: {
          set: [{ key: 't1', value: 'v' }],
          delete: [
            {
              key: 'i1',
              entityName: 'impact',
              conditions: { and: [{ property: 'score', condition: 'EXISTS', values: [true] }] }
            }
          ]
        }
      }
    ]);
  });

  it('turns a 404 KEY_NOT_FOUND into undefined and other refusals into ForgeKvsAPIError', async () => {
    expect(local.engine.handle('/api/v1/get', { key: 'nope' })).toEqual({
      status: 404,
      body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' }
    });
    await expect(kvs.get('nope')).resolves.toBeUndefined();
    const error = await expectRefusal(kvs.get(''), 400, 'EMPTY_KEY');
    expect(error.responseDetails).toMatchObject({ httpMethod: 'POST', httpPath: '/api/v1/get' });
  });
});

describe('key-value store', () => {
  it('sets, gets and deletes JSON values of every type; delete of a missing key succeeds', async () => {
    for (const value of ['text', 42, 1.5, true, [1, 'two'], { nested: { deep: [null] } }]) {
      await kvs.set('value', value);
      await expect(kvs.get('value')).resolves.toEqual(value);
    }
    await kvs.delete('value');
    await expect(kvs.get('value')).resolves.toBeUndefined();
    await expect(kvs.delete('never-written')).resolves.toBeUndefined();
  });

  it('returns metadata when asked, and honours a TTL on the injected clock', async () => {
    const start = local.clock.now;
    await kvs.set('ttl', 'v', { ttl: { unit: 'SECONDS', value: 30 } });
    local.clock.now += 1000;
    await kvs.set('ttl', 'v2', { ttl: { unit: 'SECONDS', value: 30 } });
    await expect(
      kvs.get('ttl', {
        metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME]
      })
    ).resolves.toEqual({
      key: 'ttl',
      value: 'v2',
      createdAt: start,
      updatedAt: start + 1000,
      expireTime: new Date(start + 31_000).toISOString()
    });
    await expect(kvs.get('ttl', { metadataFields: [MetadataField.UPDATED_AT] })).resolves.toEqual({
      key: 'ttl',
      value: 'v2',
      updatedAt: start + 1000
    });
    local.clock.now = start + 31_000;
    await expect(kvs.get('ttl')).resolves.toBeUndefined();
    await expectRefusal(kvs.set('ttl', 'v', { ttl: { unit: 'DAYS', value: 0 } }), 400, 'INVALID_TTL');
    await expectRefusal(kvs.set('ttl', 'v', { ttl: { unit: 'DAYS', value: 366 } }), 400, 'INVALID_TTL');
  });

  it('applies key policies and returns the previous or latest value', async () => {
    await kvs.set('policy', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectRefusal(kvs.set('policy', 2, { keyPolicy: 'FAIL_IF_EXISTS' }), 409, 'KEY_CONFLICT');
    await expect(kvs.get('policy')).resolves.toBe(1);
    await expect(kvs.set('policy', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).resolves.toEqual({
      key: 'policy',
      value: 1
    });
    await expect(
      kvs.set('policy', 4, {
        keyPolicy: 'OVERRIDE',
        returnValue: 'LATEST',
        returnMetadataFields: [MetadataField.UPDATED_AT]
      })
    ).resolves.toEqual({ key: 'policy', value: 4, updatedAt: local.clock.now });
    await expect(
      kvs.set('fresh', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })
    ).resolves.toBeUndefined();
  });

  it('keeps secrets in their own namespace, out of get and query', async () => {
    await kvs.setSecret('shared', 'secret');
    await kvs.set('shared', 'plain');
    await expect(kvs.getSecret('shared')).resolves.toBe('secret');
    await expect(kvs.get('shared')).resolves.toBe('plain');
    await kvs.deleteSecret('shared');
    await expect(kvs.getSecret('shared')).resolves.toBeUndefined();
    await kvs.setSecret('only-secret', 1);
    const { results } = await kvs.query().getMany();
    expect(results.map((result) => result.key)).toEqual(['shared']);
  });

  it('pages a key-prefix query with opaque cursors; default page is 10', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`item:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other:1', 'x');
    await kvs.set('itemz', 'not in the prefix');

    const first = await kvs.query().where('key', WhereConditions.beginsWith('item:')).getMany<number>();
    expect(first.results).toHaveLength(10);
    expect(first.nextCursor).toEqual(expect.any(String));
    const again = await kvs.query().where('key', WhereConditions.beginsWith('item:')).getMany<number>();
    expect(again.nextCursor).toBe(first.nextCursor);

    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const builder = kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(10);
      const page = await (cursor ? builder.cursor(cursor) : builder).getMany<number>();
      seen.push(...page.results.map((result) => result.value));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
    await expect(kvs.query().where('key', WhereConditions.beginsWith('other')).getOne()).resolves.toEqual({
      key: 'other:1',
      value: 'x'
    });
    await expect(
      kvs
        .query({ metadataFields: [MetadataField.CREATED_AT] })
        .where('key', WhereConditions.beginsWith('other'))
        .getOne()
    ).resolves.toEqual({
      key: 'other:1',
      value: 'x',
      createdAt: local.clock.now
    });
    await expectRefusal(
      kvs
        .query()
        .where('key', WhereConditions.beginsWith('other'))
        .cursor(first.nextCursor ?? '')
        .getMany(),
      400,
      'INVALID_CURSOR'
    );
  });
});

describe('documented limits', () => {
  it('refuses bad keys: empty, too long, wrong characters, whitespace only', async () => {
    await kvs.set('k'.repeat(500), 'ok');
    await expectRefusal(kvs.set('k'.repeat(501), 'x'), 400, 'KEY_TOO_LONG');
    await expectRefusal(kvs.set('a/b', 'x'), 400, 'INVALID_KEY');
    await expectRefusal(kvs.set('   ', 'x'), 400, 'INVALID_KEY');
    await expectRefusal(kvs.set('', 'x'), 400, 'EMPTY_KEY');
    await kvs.set('ok: key_with-all.the#chars 09', 'fine');
    await expectRefusal(kvs.entity('impact').set('bad/key', { score: 1 }), 400, 'INVALID_KEY');
  });

  it('refuses values over 240 KiB or deeper than 31 levels', async () => {
    const limit = 240 * 1024;
    await kvs.set('big', 'x'.repeat(limit - 2)); // JSON adds the two quotes
    await expectRefusal(kvs.set('big', 'x'.repeat(limit - 1)), 400, 'MAX_SIZE');
    let deep: unknown = 1;
    for (let i = 0; i < 31; i++) deep = { d: deep };
    await kvs.set('deep', deep);
    await expectRefusal(kvs.set('deep', { d: deep }), 400, 'MAX_DEPTH');
  });

  it('refuses page limits outside 1..100', async () => {
    await kvs.query().limit(100).getMany();
    await expectRefusal(kvs.query().limit(101).getMany(), 400, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    const index = kvs
      .entity('impact')
      .query()
      .index('by-project-score', { partition: ['P'] });
    await expectRefusal(index.limit(0).getMany(), 400, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
  });

  it('refuses batches over 25 items and transactions over 25 operations', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `b${i}`, value: i }));
    await expect(kvs.batchSet(items(25))).resolves.toMatchObject({ failedKeys: [] });
    await expectRefusal(kvs.batchSet(items(26)), 400, 'TOO_MANY_BATCH_ENTITIES');
    await expectRefusal(kvs.batchGet(items(26)), 400, 'TOO_MANY_BATCH_ENTITIES');
    await expectRefusal(kvs.batchDelete(items(26)), 400, 'TOO_MANY_BATCH_ENTITIES');
    const transaction = (n: number) => {
      const builder = kvs.transact();
      for (let i = 0; i < n; i++) builder.set(`t${i}`, i);
      return builder.execute();
    };
    await transaction(25);
    await expectRefusal(transaction(26), 422, 'UNPROCESSABLE_ENTITY');
    await expect(kvs.get('t0')).resolves.toBe(0);
  });
});

describe('custom entities', () => {
  it('stores, reads and deletes entities and enforces the declared attribute types', async () => {
    const probe = kvs.entity('probe');
    const value = { label: 'one', count: 2_147_483_647, ratio: 0, flag: true, extra: { any: ['thing'] } };
    await probe.set('p1', value);
    await expect(probe.get('p1')).resolves.toEqual(value);
    await expect(probe.get('p1', { metadataFields: [MetadataField.CREATED_AT] })).resolves.toEqual({
      key: 'p1',
      value,
      createdAt: local.clock.now
    });
    await probe.delete('p1');
    await expect(probe.get('p1')).resolves.toBeUndefined();

    const refused = [
      { undeclared: 'x' },
      { count: 2_147_483_648 },
      { count: 1.5 },
      { count: '5' },
      { ratio: 1e-131 },
      { ratio: 1e126 },
      { label: '' },
      { label: '  ' },
      { flag: 'true' },
      { extra: null }
    ];
    for (const bad of refused) await expectRefusal(probe.set('p2', bad), 400, 'INVALID_ENTITY_VALUE');
    await probe.set('p2', { ratio: -1e-130, count: -2_147_483_648 });
    await expectRefusal(kvs.entity('nope').set('x', {}), 404, 'SCHEMA_NOT_FOUND');
    await expectRefusal(kvs.entity('Bad_Name').get('x'), 400, 'INVALID_ENTITY_TYPE');
    await expectRefusal(probe.query().index('by-nothing').getMany(), 400, 'INVALID_ENTITY_INDEX');
  });

  describe('index queries', () => {
    const scores = [5.5, 1.25, 9, 3, 7.75, 2, 8.5, 4, 6, 0];
    beforeEach(async () => {
      const impact = kvs.entity<Impact>('impact');
      for (const [i, score] of scores.entries()) {
        await impact.set(`issue-${i}`, { projectId: 'P1', issueId: String(i), score, accounts: i % 3 });
      }
      await impact.set('elsewhere', { projectId: 'P2', issueId: 'x', score: 4.5 });
      await kvs.entity('impact').set('unscored', { projectId: 'P1', issueId: 'y' });
    });

    const byScore = () =>
      kvs
        .entity<Impact>('impact')
        .query()
        .index('by-project-score', { partition: ['P1'] });
    const scoresOf = (page: { results: { value: Impact }[] }) =>
      page.results.map((result) => result.value.score);
    const sorted = [...scores].sort((a, b) => a - b);

    it('orders a partition by a float range in both directions, leaving out rows without the range attribute', async () => {
      expect(scoresOf(await byScore().limit(100).getMany())).toEqual(sorted);
      expect(scoresOf(await byScore().sort(Sort.DESC).limit(100).getMany())).toEqual([...sorted].reverse());
    });

    it.each([
      ['greaterThan', WhereConditions.greaterThan(7.75), [8.5, 9]],
      ['greaterThanEqualTo', WhereConditions.greaterThanEqualTo(7.75), [7.75, 8.5, 9]],
      ['lessThan', WhereConditions.lessThan(2), [0, 1.25]],
      ['lessThanEqualTo', WhereConditions.lessThanEqualTo(2), [0, 1.25, 2]],
      ['between', WhereConditions.between(3, 5.5), [3, 4, 5.5]],
      ['equalTo', WhereConditions.equalTo(6), [6]]
    ])('applies the %s range condition in both sort orders', async (_name, condition, expected) => {
      expect(scoresOf(await byScore().where(condition).limit(100).getMany())).toEqual(expected);
      expect(scoresOf(await byScore().where(condition).sort(Sort.DESC).limit(100).getMany())).toEqual(
        [...expected].reverse()
      );
    });

    it('pages an index query with cursors in both orders', async () => {
      for (const sort of [Sort.ASC, Sort.DESC]) {
        const seen: number[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const query = byScore().sort(sort).limit(3);
          const page = await (cursor ? query.cursor(cursor) : query).getMany();
          seen.push(...scoresOf(page));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor);
        expect(pages).toBe(4);
        expect(seen).toEqual(sort === Sort.ASC ? sorted : [...sorted].reverse());
      }
      const page = await byScore().limit(3).getMany();
      await expectRefusal(
        byScore()
          .sort(Sort.DESC)
          .cursor(page.nextCursor ?? '')
          .getMany(),
        400,
        'INVALID_CURSOR'
      );
    });

    it('filters with and/or after the page limit: short or empty pages, with a cursor to the next', async () => {
      const and = await byScore()
        .filters(
          new Filter<Impact>()
            .and('accounts', FilterConditions.equalTo(0))
            .and('score', FilterConditions.greaterThan(1))
        )
        .getMany();
      expect(scoresOf(and)).toEqual([3, 5.5, 8.5]);
      const or = await byScore()
        .where(WhereConditions.lessThan(5))
        .filters(
          new Filter<Impact>()
            .or('issueId', FilterConditions.equalTo('1'))
            .or('issueId', FilterConditions.equalTo('7'))
        )
        .sort(Sort.DESC)
        .getMany();
      expect(scoresOf(or)).toEqual([4, 1.25]);

      // limit(2) walks two rows of the index per page; the filter keeps what matches of those.
      const pages: number[][] = [];
      let cursor: string | undefined;
      do {
        const query = byScore()
          .filters(new Filter<Impact>().and('accounts', FilterConditions.equalTo(1)))
          .limit(2);
        const page = await (cursor ? query.cursor(cursor) : query).getMany();
        pages.push(scoresOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toEqual([[1.25], [], [4], [7.75], []]);
    });

    it('resumes a cursor right after its page while nothing was written', async () => {
      const first = await byScore().limit(3).getMany();
      await kvs.get('unrelated'); // reads do not move cursors
      const next = await byScore()
        .limit(3)
        .cursor(first.nextCursor ?? '')
        .getMany();
      expect(scoresOf(next)).toEqual([3, 4, 5.5]);
    });

    it('does not keep cursors stable across writes: rows repeat or are skipped', async () => {
      const first = await byScore().limit(3).getMany();
      expect(scoresOf(first)).toEqual([0, 1.25, 2]);
      // A row written before the cursor's position: the next page repeats the last row.
      await kvs.entity<Impact>('impact').set('early', { projectId: 'P1', issueId: 'e', score: 0.5 });
      const repeated = await byScore()
        .limit(3)
        .cursor(first.nextCursor ?? '')
        .getMany();
      expect(scoresOf(repeated)).toEqual([2, 3, 4]);

      // A row deleted before the cursor's position: the next page skips one row.
      const again = await byScore().limit(3).getMany();
      expect(scoresOf(again)).toEqual([0, 0.5, 1.25]);
      await kvs.entity('impact').delete('issue-9'); // score 0
      const skipped = await byScore()
        .limit(3)
        .cursor(again.nextCursor ?? '')
        .getMany();
      expect(scoresOf(skipped)).toEqual([3, 4, 5.5]);
    });

    it('supports the implicit by-key index and partition-only indexes', async () => {
      const byKey = await kvs
        .entity<Impact>('impact')
        .query()
        .index('by-key')
        .where(WhereConditions.beginsWith('issue-'))
        .sort(Sort.DESC)
        .limit(3)
        .getMany();
      expect(byKey.results.map((result) => result.key)).toEqual(['issue-9', 'issue-8', 'issue-7']);
      const insight = kvs.entity('insight');
      await insight.set('b', { projectId: 'P1', importKey: 'csv-1', summary: 'second' });
      await insight.set('a', { projectId: 'P1', importKey: 'csv-1', summary: 'first' });
      await insight.set('c', { projectId: 'P1', importKey: 'csv-2', summary: 'other' });
      const matches = await insight
        .query()
        .index('by-import-key', { partition: ['P1', 'csv-1'] })
        .getMany();
      expect(matches.results.map((result) => result.key)).toEqual(['a', 'b']);
      await expectRefusal(
        insight
          .query()
          .index('by-import-key', { partition: ['P1'] })
          .getMany(),
        400,
        'BAD_REQUEST'
      );
    });
  });

  it('evaluates every filter condition the client exposes', async () => {
    const probe = kvs.entity('probe');
    await probe.set('a', { label: 'alpha', count: 1, ratio: 0.5, flag: true, extra: ['red', 'blue'] });
    await probe.set('b', { label: 'beta', count: 2, ratio: 1.5, flag: true });
    await probe.set('c', { label: 'gamma', count: 3, ratio: 2.5, flag: true, extra: 'plain' });
    const keys = async (field: string, condition: FilterCondition) => {
      const page = await probe
        .query()
        .index('by-flag-ratio', { partition: [true] })
        .filters(new Filter<Record<string, unknown>>().and(field, condition))
        .getMany();
      return page.results.map((result) => result.key);
    };
    expect(await keys('label', FilterConditions.beginsWith('al'))).toEqual(['a']);
    expect(await keys('count', FilterConditions.between(2, 3))).toEqual(['b', 'c']);
    expect(await keys('label', FilterConditions.contains('amm'))).toEqual(['c']);
    expect(await keys('extra', FilterConditions.contains('blue'))).toEqual(['a']);
    expect(await keys('label', FilterConditions.notContains('et'))).toEqual(['a', 'c']);
    expect(await keys('label', FilterConditions.equalTo('beta'))).toEqual(['b']);
    expect(await keys('label', FilterConditions.notEqualTo('beta'))).toEqual(['a', 'c']);
    expect(await keys('extra', FilterConditions.exists())).toEqual(['a', 'c']);
    expect(await keys('extra', FilterConditions.notExists())).toEqual(['b']);
    expect(await keys('ratio', FilterConditions.greaterThan(1.5))).toEqual(['c']);
    expect(await keys('ratio', FilterConditions.greaterThanEqualTo(1.5))).toEqual(['b', 'c']);
    expect(await keys('count', FilterConditions.lessThan(2))).toEqual(['a']);
    expect(await keys('count', FilterConditions.lessThanEqualTo(2))).toEqual(['a', 'b']);
    await expectRefusal(keys('nope', FilterConditions.exists()), 400, 'BAD_REQUEST');
  });
});

describe('index maintenance', () => {
  it('leaves an entity out of an index whose attributes it lacks, and moves it when they change', async () => {
    const insight = kvs.entity('insight');
    const open = () =>
      insight
        .query()
        .index('by-project-status', { partition: ['P', 'open'] })
        .getMany();
    await insight.set('i1', { projectId: 'P', createdAt: '2026-01-01' });
    expect((await open()).results).toEqual([]);
    await insight.set('i1', { projectId: 'P', status: 'open', createdAt: '2026-01-01' });
    expect((await open()).results.map((result) => result.key)).toEqual(['i1']);
    await insight.set('i1', { projectId: 'P', status: 'closed', createdAt: '2026-01-01' });
    expect((await open()).results).toEqual([]);
    await insight.delete('i1');
    const closed = await insight
      .query()
      .index('by-project-status', { partition: ['P', 'closed'] })
      .getMany();
    expect(closed.results).toEqual([]);
  });

  it('re-indexes stored entities when the declared indexes change between restarts', () => {
    const temp = tempDir();
    const file = join(temp.dir, 'kvs.sqlite');
    try {
      const first = new KvsEngine({ file, entities: testEntities() });
      first.handle('/api/v1/entity/set', { entityName: 'probe', key: 'p', value: { count: 7 } });
      first.close();
      const withIndex = testEntities().map((entity) =>
        entity.name === 'probe'
          ? { ...entity, indexes: [...entity.indexes, { name: 'by-count', partition: [], range: 'count' }] }
          : entity
      );
      const second = new KvsEngine({ file, entities: withIndex });
      const answer = second.handle('/api/v1/entity/query', { entityName: 'probe', indexName: 'by-count' });
      second.close();
      expect(answer).toEqual({ status: 200, body: { data: [{ key: 'p', value: { count: 7 } }] } });
    } finally {
      temp.remove();
    }
  });
});

describe('batch operations', () => {
  it('mixes entity and plain items and reports each key on its own', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'plain', value: 'v' },
      { key: 'imp', entityName: 'impact', value: { projectId: 'P', score: 2 } },
      { key: 'bad key/', value: 1 },
      { key: 'wrong', entityName: 'impact', value: { score: 'high' } }
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'plain' }, { key: 'imp', entityName: 'impact' }]);
    expect(set.failedKeys).toEqual([
      { key: 'bad key/', error: { code: 'INVALID_KEY', message: expect.any(String) as unknown } },
      {
        key: 'wrong',
        entityName: 'impact',
        error: { code: 'INVALID_ENTITY_VALUE', message: expect.any(String) as unknown }
      }
    ]);

    const got = await kvs.batchGet<unknown>([
      { key: 'plain' },
      { key: 'imp', entityName: 'impact' },
      { key: 'missing' }
    ]);
    expect(got.successfulKeys).toEqual([
      { key: 'plain', value: 'v' },
      { key: 'imp', entityName: 'impact', value: { projectId: 'P', score: 2 } }
    ]);
    expect(got.failedKeys).toEqual([
      { key: 'missing', error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } }
    ]);

    const deleted = await kvs.batchDelete([
      { key: 'plain' },
      { key: 'imp', entityName: 'impact' },
      { key: 'missing', entityName: 'impact' }
    ]);
    expect(deleted.successfulKeys).toEqual([{ key: 'plain' }, { key: 'imp', entityName: 'impact' }]);
    expect(deleted.failedKeys).toEqual([
      {
        key: 'missing',
        entityName: 'impact',
        error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) as unknown
      }
    ]);
    await expect(kvs.entity('impact').get('imp')).resolves.toBeUndefined();
    await expectRefusal(
      kvs.batchSet([
        { key: 'dup', value: 1 },
        { key: 'dup', value: 2 }
      ]),
      400,
      'KEY_DUPLICATION_ERROR'
    );
    await expectRefusal(kvs.batchGet([]), 400, 'BAD_REQUEST');
  });
});

describe('transactions', () => {
  interface Versioned {
    projectId: string;
    score: number;
    version: number;
  }

  it('commits sets, deletes and checks whose conditions hold', async () => {
    const impact = kvs.entity<Versioned>('impact');
    await impact.set('a', { projectId: 'P', score: 1, version: 1 });
    await impact.set('b', { projectId: 'P', score: 2, version: 1 });
    await impact.set('c', { projectId: 'Q', score: 2, version: 1 });
    await kvs
      .transact()
      .set(
        'a',
        { projectId: 'P', score: 3, version: 2 },
        {
          entityName: 'impact',
          conditions: new Filter<Versioned>().and('version', FilterConditions.equalTo(1))
        }
      )
      .delete('b', { entityName: 'impact' })
      .check('c', {
        entityName: 'impact',
        conditions: new Filter<Versioned>().and('projectId', FilterConditions.equalTo('Q'))
      })
      .set('plain', 'committed')
      .execute();
    await expect(impact.get('a')).resolves.toEqual({ projectId: 'P', score: 3, version: 2 });
    await expect(impact.get('b')).resolves.toBeUndefined();
    await expect(kvs.get('plain')).resolves.toBe('committed');
    const page = await impact
      .query()
      .index('by-project-score', { partition: ['P'] })
      .getMany();
    expect(page.results.map((result) => result.key)).toEqual(['a']);
  });

  it('writes nothing when one condition fails', async () => {
    const impact = kvs.entity<Versioned>('impact');
    await impact.set('a', { projectId: 'P', score: 1, version: 5 });
    await impact.set('b', { projectId: 'P', score: 2, version: 1 });
    const error = await expectRefusal(
      kvs
        .transact()
        .set('new', 'should not land')
        .delete('b', { entityName: 'impact' })
        .set(
          'a',
          { projectId: 'P', score: 9, version: 6 },
          {
            entityName: 'impact',
            conditions: new Filter<Versioned>().and('version', FilterConditions.equalTo(4))
          }
        )
        .execute(),
      400,
      'CONDITIONAL_CHECK_FAILED'
    );
    expect(error.context).toMatchObject({
      failedConditions: [{ operation: 'set', key: 'a', entityName: 'impact' }]
    });
    await expect(kvs.get('new')).resolves.toBeUndefined();
    await expect(impact.get('b')).resolves.toEqual({ projectId: 'P', score: 2, version: 1 });
    await expect(impact.get('a')).resolves.toEqual({ projectId: 'P', score: 1, version: 5 });
  });

  it('treats an absent entity as having no attributes (create-if-absent) and refuses a key used twice', async () => {
    const absent = new Filter<Versioned>().and('version', FilterConditions.notExists());
    await kvs
      .transact()
      .set('fresh', { projectId: 'P', score: 1, version: 1 }, { entityName: 'impact', conditions: absent })
      .execute();
    await expectRefusal(
      kvs
        .transact()
        .set('fresh', { projectId: 'P', score: 1, version: 1 }, { entityName: 'impact', conditions: absent })
        .execute(),
      400,
      'CONDITIONAL_CHECK_FAILED'
    );
    await expectRefusal(
      kvs
        .transact()
        .check('ghost', {
          entityName: 'impact',
          conditions: new Filter<Versioned>().and('version', FilterConditions.exists())
        })
        .execute(),
      400,
      'CONDITIONAL_CHECK_FAILED'
    );
    await expectRefusal(kvs.transact().set('x', 1).delete('x').execute(), 400, 'KEY_DUPLICATION_ERROR');
  });
});

describe('persistence and metering', () => {
  it('keeps every namespace in the SQLite file across a restart', async () => {
    const temp = tempDir();
    const file = join(temp.dir, 'kvs.sqlite');
    try {
      local.stop();
      local = startLocalKvs({ file });
      await kvs.set('kept', { n: 1 });
      await kvs.setSecret('secret', 's');
      await kvs.entity('impact').set('i', { projectId: 'P', score: 4.25 });
      local.stop();

      local = startLocalKvs({ file });
      await expect(kvs.get('kept')).resolves.toEqual({ n: 1 });
      await expect(kvs.getSecret('secret')).resolves.toBe('s');
      const page = await kvs
        .entity('impact')
        .query()
        .index('by-project-score', { partition: ['P'] })
        .getMany();
      expect(page.results).toEqual([{ key: 'i', value: { projectId: 'P', score: 4.25 } }]);
    } finally {
      local.stop();
      local = startLocalKvs();
      temp.remove();
    }
  });

  it('counts every KVS call on the host meter, by path', async () => {
    local.host.meter.reset();
    await kvs.set('m', 1);
    await kvs.get('m');
    await kvs.get('missing');
    await Promise.all([kvs.get('m'), kvs.entity('impact').get('m')]);
    const snapshot = local.host.meter.snapshot();
    expect(snapshot.calls.kvs).toBe(5);
    expect(snapshot.byPath).toEqual({
      'kvs /api/v1/set': 1,
      'kvs /api/v1/get': 3,
      'kvs /api/v1/entity/get': 1
    });
  });
});
