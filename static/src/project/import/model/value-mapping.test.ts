import { parseCsv } from './csv-file';
import { autoMatch, DEFAULT_FIXED } from './import-mapping';
import { presetById } from './import-presets';
import { prepareImport } from './import-rows';
import {
  applyPreset,
  choicesInFile,
  detectPreset,
  distinctValues,
  emptyValueMappings,
  LEAVE_EMPTY,
  mappingsToSave,
  MAX_MAPPED_VALUES,
  mergeMappings,
  resolveValue,
  setValueChoice,
  SKIP_ROW,
  unmappedCount
} from './value-mapping';

const NOW = new Date('2025-06-15T12:00:00Z');

const ZENDESK = parseCsv(
  [
    'Id,Subject,Requester,Organization,Plan,Priority,Via,Created at',
    '101,Export fails,ann@acme.test,Acme,Enterprise,Urgent,Email,2025-05-01',
    '102,Slow search,bo@globex.test,Globex,Team,normal,Chat,2025-05-02',
    '103,SSO please,cy@initech.test,Initech,Pro,normal,Web Widget,2025-05-03',
    '104,Dark mode,di@hooli.test,Hooli,Free,low,Carrier pigeon,2025-05-04',
    '105,Spam,,,,,Email,2025-05-05'
  ].join('\n')
);
const mapping = autoMatch(ZENDESK.headers);

it('lists each distinct value of an enumerated column once, most frequent first, with its rows', () => {
  const values = distinctValues(ZENDESK.rows, mapping, 'severity', emptyValueMappings());
  expect(values.map((v) => [v.shown, v.rows])).toEqual([
    ['normal', 2],
    ['Urgent', 1],
    ['low', 1]
  ]);
  // "low" is already an allowed value; the tool's own words are not guessed at.
  expect(values.map((v) => v.choice)).toEqual([undefined, undefined, 'low']);
});

it('maps a Zendesk export with its preset, and leaves values it does not know unmapped', () => {
  const zendesk = applyPreset(emptyValueMappings(), presetById('zendesk'));
  expect(resolveValue('severity', 'Urgent', zendesk)).toBe('critical');
  expect(resolveValue('severity', ' NORMAL ', zendesk)).toBe('medium');
  expect(resolveValue('accountSegment', 'Team', zendesk)).toBe('smb');
  const channels = distinctValues(ZENDESK.rows, mapping, 'sourceKind', zendesk);
  expect(channels.map((v) => [v.shown, v.choice])).toEqual([
    ['Email', 'ticket'],
    ['Chat', 'ticket'],
    ['Web Widget', 'ticket'],
    ['Carrier pigeon', undefined]
  ]);
  expect(unmappedCount(ZENDESK.rows, mapping, zendesk)).toBe(1);
  // Without it: normal, Urgent; Email, Chat, Web Widget, Carrier pigeon; Team, Pro, Free.
  expect(unmappedCount(ZENDESK.rows, mapping, emptyValueMappings())).toBe(9);
});

it('refuses a row with an unmapped value, quoting it, until the person maps it', () => {
  const zendesk = applyPreset(emptyValueMappings(), presetById('zendesk'));
  const before = prepareImport(ZENDESK.rows, mapping, DEFAULT_FIXED, NOW, zendesk);
  expect(before.invalid.map((r) => r.message)).toEqual([
    'Row 5: source kind “Carrier pigeon” is not one of ticket, interview, survey, nps, sales_call, review, social, other — map it above'
  ]);
  const mapped = setValueChoice(zendesk, 'sourceKind', 'Carrier pigeon', 'other');
  const after = prepareImport(ZENDESK.rows, mapping, DEFAULT_FIXED, NOW, mapped);
  expect(after.invalid).toEqual([]);
  expect(after.valid).toHaveLength(5);
  expect(after.valid.map((r) => (r.insight as { severity: string }).severity)).toEqual([
    'critical',
    'medium',
    'medium',
    'low',
    'medium'
  ]);
});

it('skips rows whose value is set to skip, and treats "leave empty" as an empty cell', () => {
  let values = applyPreset(emptyValueMappings(), presetById('zendesk'));
  values = setValueChoice(values, 'sourceKind', 'carrier pigeon', SKIP_ROW);
  values = setValueChoice(values, 'accountSegment', 'Enterprise', LEAVE_EMPTY);
  const prepared = prepareImport(
    ZENDESK.rows,
    mapping,
    { ...DEFAULT_FIXED, sourceKind: 'survey' },
    NOW,
    values
  );
  expect(prepared.skipped.map((r) => r.message)).toEqual([
    'Row 5: skipped, source kind “Carrier pigeon” is set to skip the row'
  ]);
  expect(prepared.valid.map((r) => r.line)).toEqual([2, 3, 4, 6]);
  const acme = prepared.valid[0]!.insight as { account: Record<string, unknown> };
  expect(acme.account).toEqual({ name: 'Acme' });
  // Clearing a choice makes the value unmapped again.
  const cleared = setValueChoice(values, 'sourceKind', 'Carrier pigeon', undefined);
  expect(resolveValue('sourceKind', 'Carrier pigeon', cleared)).toBeUndefined();
});

it('recognises each tool from its header row, and nothing from a plain file', () => {
  expect(detectPreset(ZENDESK.headers)).toBe('zendesk');
  expect(
    detectPreset(['Conversation ID', 'Company name', 'Company plan', 'Priority', 'Channel', 'Created at'])
  ).toBe('intercom');
  expect(detectPreset(['Issue key', 'Summary', 'Priority', 'Request type', 'Reporter', 'Created'])).toBe(
    'jsm'
  );
  expect(detectPreset(['summary', 'priority', 'date'])).toBeNull();
});

it('maps Jira Service Management priorities Lowest to Highest and its request types', () => {
  const jsm = applyPreset(emptyValueMappings(), presetById('jsm'));
  expect(['Lowest', 'Low', 'Medium', 'High', 'Highest'].map((p) => resolveValue('severity', p, jsm))).toEqual(
    ['low', 'low', 'medium', 'high', 'critical']
  );
  expect(resolveValue('sourceKind', 'Report a bug', jsm)).toBe('ticket');
  expect(resolveValue('sourceKind', 'Something custom', jsm)).toBeUndefined();
  const intercom = applyPreset(emptyValueMappings(), presetById('intercom'));
  expect(resolveValue('severity', 'Priority', intercom)).toBe('high');
});

it('keeps the saved choices over a preset, and saves only the explicit choices for values in the file', () => {
  const saved = setValueChoice(emptyValueMappings(), 'severity', 'normal', 'high');
  const offered = mergeMappings(applyPreset(emptyValueMappings(), presetById('zendesk')), saved);
  expect(resolveValue('severity', 'Normal', offered)).toBe('high');
  const kept = choicesInFile(ZENDESK.rows, mapping, offered);
  expect(kept.severity).toEqual({ normal: 'high', urgent: 'critical', low: 'low' });
  expect(Object.keys(kept.sourceKind)).toEqual(['email', 'chat', 'web widget']);
});

it('saves the earlier choices with this import’s, dropping the oldest past the size cap', () => {
  let saved = emptyValueMappings();
  for (let i = 0; i < MAX_MAPPED_VALUES; i++)
    saved = setValueChoice(saved, 'accountSegment', `plan ${i}`, 'smb');
  const edits = setValueChoice(emptyValueMappings(), 'accountSegment', 'Team', 'mid_market');
  const next = mappingsToSave(saved, edits, ZENDESK.rows, mapping);
  const kept = Object.keys(next.accountSegment);
  expect(kept).toHaveLength(MAX_MAPPED_VALUES);
  expect(kept).not.toContain('plan 0');
  expect(next.accountSegment).toMatchObject({ 'plan 1': 'smb', team: 'mid_market' });
});

it('reads a Jira Service Management export: its columns, priorities and request types', () => {
  const jsm = parseCsv(
    [
      'Issue key,Summary,Priority,Request Type,Reporter,Created',
      'SUP-1,VPN drops,Highest,Report a system problem,ann,2025-05-01',
      'SUP-2,New laptop,Lowest,Get IT help,bo,2025-05-02'
    ].join('\n')
  );
  const columns = autoMatch(jsm.headers);
  expect(columns).toMatchObject({ key: 'Issue key', severity: 'Priority', sourceKind: 'Request Type' });
  const values = applyPreset(emptyValueMappings(), presetById(detectPreset(jsm.headers)!));
  const prepared = prepareImport(jsm.rows, columns, DEFAULT_FIXED, NOW, values);
  expect(prepared.invalid).toEqual([]);
  expect(prepared.valid.map((r) => r.insight)).toMatchObject([
    { severity: 'critical', sourceKind: 'ticket' },
    { severity: 'low', sourceKind: 'ticket' }
  ]);
});
