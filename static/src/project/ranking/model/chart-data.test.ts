import { rankedRow } from '../../../test/fixtures';
import { impactBy } from './chart-data';

it('sums facet points of the shown rows by segment or stage, largest first', () => {
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
