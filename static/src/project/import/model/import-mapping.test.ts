import { EXPORT_COLUMNS } from '../../library/model/export-csv';
import { autoMatch } from './import-mapping';

it('matches header names whatever their case and punctuation', () => {
  const mapping = autoMatch([
    'Title',
    'Customer',
    'ARR ($)',
    'Created At',
    'Ticket ID',
    'Body',
    'Priority',
    'Labels'
  ]);
  expect(mapping).toMatchObject({
    summary: 'Title',
    accountName: 'Customer',
    observedAt: 'Created At',
    key: 'Ticket ID',
    quote: 'Body',
    severity: 'Priority',
    tags: 'Labels',
    sourceKind: '',
    sourceUrl: ''
  });
});

it('maps every column of the library’s own export back to its field', () => {
  expect(autoMatch([...EXPORT_COLUMNS])).toEqual({
    summary: 'summary',
    quote: 'quote',
    sourceKind: 'source kind',
    sourceUrl: 'source URL',
    accountName: 'account',
    accountSegment: 'segment',
    arr: 'ARR',
    severity: 'severity',
    sentiment: 'sentiment',
    journeyStage: 'journey stage',
    observedAt: 'observed at',
    tags: 'tags',
    key: 'id'
  });
});

it('uses each column once, preferring exact names', () => {
  const mapping = autoMatch(['source', 'source url', 'type']);
  expect(mapping.sourceKind).toBe('source');
  expect(mapping.sourceUrl).toBe('source url');
});
