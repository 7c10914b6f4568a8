import { rankedRow } from '../../../test/fixtures';
import { chartCaption, countedRows, impactBy } from './chart-data';

it('sums facet points of the counted rows by segment or stage, largest first', () => {
  const rows = [
    rankedRow(),
    rankedRow({
      issueId: '2',
      facets: { segments: { smb: 10, mid_market: 0 }, stages: { onboarding: 10 }, sourceKinds: {} }
    }),
    rankedRow({ issueId: '3', facets: undefined })
  ];
  expect(impactBy(rows, 'segment')).toEqual([
    { key: 'enterprise', label: 'Enterprise', value: 30 },
    { key: 'smb', label: 'SMB', value: 22.5 }
  ]);
  expect(impactBy(rows, 'stage')).toEqual([
    { key: 'usage', label: 'Usage', value: 40 },
    { key: 'onboarding', label: 'Onboarding', value: 10 },
    { key: 'unknown', label: 'No stage', value: 2.5 }
  ]);
});

describe('counting each piece of evidence once', () => {
  // An epic, its story and the story's sub-task, all carrying the sub-task's 8 points,
  // and a story elsewhere with no listed children.
  const epic = rankedRow({ issueId: 'E', ancestorIds: [], facets: facets(8) });
  const story = rankedRow({ issueId: 'S', ancestorIds: ['E'], facets: facets(8) });
  const subtask = rankedRow({ issueId: 'T', ancestorIds: ['E', 'S'], facets: facets(8) });
  const lone = rankedRow({ issueId: 'L', ancestorIds: ['X'], facets: facets(3) });
  function facets(points: number) {
    return { segments: { enterprise: points }, stages: {}, sourceKinds: {} };
  }

  it('counts only leaf work items: no listed issue together with a listed ancestor', () => {
    const counted = countedRows([epic, story, subtask, lone], 'leaf');
    expect(counted.map((r) => r.issueId)).toEqual(['T', 'L']);
    expect(impactBy(counted, 'segment')).toEqual([{ key: 'enterprise', label: 'Enterprise', value: 11 }]);
  });

  it('counts a parent when its children are not listed, and every row of a single level', () => {
    expect(countedRows([epic, lone], 'leaf').map((r) => r.issueId)).toEqual(['E', 'L']);
    expect(countedRows([epic, story], 'epic').map((r) => r.issueId)).toEqual(['E', 'S']);
  });

  it('counts a row stored before ancestry as a leaf', () => {
    const old = rankedRow({ issueId: 'O', ancestorIds: undefined });
    expect(countedRows([old, epic], 'leaf').map((r) => r.issueId)).toEqual(['O', 'E']);
  });

  it('says what it counts', () => {
    expect(chartCaption('leaf', 2, 4)).toMatch(
      /^Score points of the 2 issues listed with no child listed \(of 4\)/
    );
    expect(chartCaption('subtask', 1, 1)).toMatch(/^Score points of the 1 issue listed, sub-tasks only\./);
  });
});
