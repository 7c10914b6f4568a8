import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { startLocalKvs, type LocalKvs } from './kvs-test-kit';

/**
 * Scale: 100 000 entities in one partition, ordered by a float range attribute (the app's
 * `impact/by-project-score` shape), must page as fast as a small partition: every page is one
 * index range scan, never a sort of the partition.
 */
const ROWS = 100_000;

interface Impact {
  projectId: string;
  score: number;
}

let local: LocalKvs;
beforeAll(() => {
  local = startLocalKvs();
  // Seeded through the engine's own batch endpoint (not the SDK) to keep setup time small.
  for (let start = 0; start < ROWS; start += 25) {
    const items = Array.from({ length: 25 }, (_, offset) => {
      const i = start + offset;
      return {
        key: `issue-${i}`,
        entityName: 'impact',
        value: { projectId: 'BIG', score: ((i * 7919) % ROWS) / 100 + 0.5 }
      };
    });
    const answer = local.engine.handle('/api/v1/batch/set', items);
    if (answer.status !== 200) throw new Error(`seeding failed: ${JSON.stringify(answer.body)}`);
  }
});
afterAll(() => local.stop());

const byScore = () =>
  kvs
    .entity<Impact>('impact')
    .query()
    .index('by-project-score', { partition: ['BIG'] });

it('serves the partition from the index, without a temporary sort', () => {
  const plan = local.engine.explainIndexScan('impact', 'by-project-score', ['BIG']).join('\n');
  expect(plan).toMatch(/entity_index|PRIMARY KEY/);
  expect(plan).not.toMatch(/TEMP B-TREE/);
});

// How fast is the bench's business; here, that every page comes from the index (the plan
// above) in order and without gaps.
it('pages 100 000 rows by float score in both orders and with a range condition', async () => {
  const top = { result: await byScore().sort(Sort.DESC).limit(100).getMany() };
  expect(top.result.results).toHaveLength(100);
  expect(top.result.results[0]?.value.score).toBe((ROWS - 1) / 100 + 0.5);
  const scores = top.result.results.map((result) => result.value.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  let cursor = top.result.nextCursor;
  let last = scores[scores.length - 1]!;
  for (let page = 0; page < 20 && cursor; page++) {
    const next = await byScore()
      .sort(Sort.DESC)
      .limit(100)
      .cursor(cursor ?? '')
      .getMany();
    const pageScores = next.results.map((result) => result.value.score);
    expect(pageScores).toHaveLength(100);
    expect(pageScores).toEqual([...pageScores].sort((a, b) => b - a));
    expect(pageScores[0]!).toBeLessThanOrEqual(last);
    last = pageScores[pageScores.length - 1]!;
    cursor = next.nextCursor;
  }

  const middle = { result: await byScore().where(WhereConditions.between(400, 401)).limit(100).getMany() };
  expect(middle.result.results).toHaveLength(100);
  expect(
    middle.result.results.every((result) => result.value.score >= 400 && result.value.score <= 401)
  ).toBe(true);
});
