import { groupListProblem, parseGroupList } from './roles-form';

it('reads a comma-separated list of groups, each once, whatever the case', () => {
  expect(parseGroupList(' cx-team, , CX-team,support ')).toEqual(['cx-team', 'support']);
  expect(parseGroupList('')).toEqual([]);
});

it('refuses more groups or longer names than the backend accepts', () => {
  expect(groupListProblem(['a'])).toBeNull();
  expect(groupListProblem(Array.from({ length: 21 }, (_, i) => `g${i}`))).toMatch(/at most 20/);
  expect(groupListProblem(['x'.repeat(256)])).toMatch(/255/);
});
