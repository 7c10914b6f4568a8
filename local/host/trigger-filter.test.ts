import path from 'node:path';
import { JiraExpressionSyntaxError, parseJiraExpression } from './jira-expression';
import { loadBackendModules } from './manifest-functions';
import { compileTriggerFilter } from './trigger-filter';
import { APP_ACCOUNT_ID } from '../jira/product-events';

/** Trigger filters as the manifest reference describes them: ignoreSelf, expression, onError. */
const updated = (...items: { field: string; fieldId?: string }[]) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id: '10001', key: 'CHK-1', fields: {} },
  atlassianId: '557058:someone',
  changelog: { id: '1', items }
});

describe('trigger filters', () => {
  const [lifecycle] = loadBackendModules(path.resolve(__dirname, '../../manifest.yml')).triggers;

  it("the app's issue trigger admits deletions and status, parent or project changes only", () => {
    const admits = (event: Record<string, unknown>) => lifecycle!.filter.admits(event);
    expect(admits({ eventType: 'avi:jira:deleted:issue', issue: { id: '10001' } })).toBe(true);
    expect(admits(updated({ field: 'status', fieldId: 'status' }))).toBe(true);
    expect(admits(updated({ field: 'IssueParentAssociation' }))).toBe(true);
    expect(admits(updated({ field: 'Parent', fieldId: 'parent' }))).toBe(true);
    expect(admits(updated({ field: 'project', fieldId: 'project' }))).toBe(true);
    expect(admits(updated({ field: 'summary', fieldId: 'summary' }))).toBe(false);
    expect(admits(updated({ field: 'assignee' }, { field: 'Rank' }))).toBe(false);
    expect(admits({ ...updated({ field: 'status' }), atlassianId: APP_ACCOUNT_ID })).toBe(false);
  });

  it('evaluates the documented subset: optional chaining, null reads, literals and list methods', () => {
    const event = { issue: { fields: { issuetype: { name: 'Bug' } } }, list: ['a', 'b'] };
    const value = (source: string) => parseJiraExpression(source).evaluate(event);
    expect(value("event.issue.fields?.issuetype.name == 'Bug'")).toBe(true);
    expect(value('event.issue.fields.parent?.id')).toBeNull();
    expect(value("event.list.includes('b') && !event.list.every(x => x == 'a')")).toBe(true);
    expect(() => value('event.issue.fields.parent.id')).toThrow('Cannot read "id" of null');
  });

  it('refuses syntax it does not know, loudly, when the manifest is loaded', () => {
    for (const source of [
      'event.issue.key.match(/CHK/)',
      "event.issue.fields.summary + 'x' == 'y'",
      'issue.key == 1',
      'event.list.map(x => x)',
      'event.a = 1'
    ]) {
      expect(() => parseJiraExpression(source)).toThrow(JiraExpressionSyntaxError);
    }
    expect(() => compileTriggerFilter({ onError: 'IGNORE' })).toThrow(/ignoreSelf or expression/);
  });

  it('applies onError when evaluation fails: ignore and log by default, or receive and log', () => {
    const logs: string[] = [];
    const log = (message: string) => logs.push(message);
    const failing = { expression: "event.changelog.items.some(i => i.field == 'status')" };
    const noChangelog = { eventType: 'avi:jira:deleted:issue', issue: { id: '1' } };
    expect(compileTriggerFilter(failing, log).admits(noChangelog)).toBe(false);
    expect(compileTriggerFilter({ ...failing, onError: 'IGNORE' }, log).admits(noChangelog)).toBe(false);
    expect(compileTriggerFilter({ ...failing, onError: 'RECEIVE_AND_LOG' }, log).admits(noChangelog)).toBe(
      true
    );
    expect(logs).toHaveLength(2);
  });
});
