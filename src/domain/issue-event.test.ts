import { ValidationError } from './errors';
import { parseIssueEvent } from './issue-event';

const issue = { id: '10042', key: 'SHOP-7', fields: { project: { id: '10000' }, summary: 'Checkout' } };

const updated = (...items: Record<string, unknown>[]) => ({
  eventType: 'avi:jira:updated:issue',
  issue,
  atlassianId: '557058:abc',
  associatedUsers: [{ accountId: '557058:abc' }],
  changelog: { id: '10100', items }
});

describe('parseIssueEvent', () => {
  it('reads a deleted issue, ignoring the fields it does not use', () => {
    expect(parseIssueEvent({ eventType: 'avi:jira:deleted:issue', issue, atlassianId: 'x' })).toEqual({
      kind: 'deleted',
      issueId: '10042',
      projectId: '10000'
    });
  });

  it('reads an event whose optional issue fields are absent, as Jira may send it', () => {
    expect(parseIssueEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: '10042' } })).toEqual({
      kind: 'deleted',
      issueId: '10042'
    });
    expect(
      parseIssueEvent({ ...updated({ field: 'status' }), issue: { id: '10042', key: 'SHOP-7', fields: {} } })
    ).toMatchObject({ kind: 'updated', issueId: '10042', statusChanged: true });
  });

  it('reads a project deleted for good', () => {
    expect(
      parseIssueEvent({ eventType: 'avi:jira:deleted:project', project: { id: '10001', key: 'MOB' } })
    ).toEqual({ kind: 'projectDeleted', projectId: '10001' });
    expect(() => parseIssueEvent({ eventType: 'avi:jira:deleted:project', project: { id: 'x' } })).toThrow(
      ValidationError
    );
  });

  it('recognises a new parent by any of the names Jira uses, and a move to another project', () => {
    for (const item of [
      { field: 'IssueParentAssociation', fieldtype: 'jira', from: '1', to: '2' },
      { field: 'Parent', fieldtype: 'jira', fieldId: 'parent', from: null, to: '2' },
      { field: 'project', fieldtype: 'jira', fieldId: 'project', from: '10000', to: '10001' }
    ]) {
      expect(parseIssueEvent(updated(item))).toMatchObject({ placementChanged: true, statusChanged: false });
    }
  });

  it('recognises a transition, whatever its display text', () => {
    expect(
      parseIssueEvent(
        updated({ field: 'status', fieldId: 'status', from: '3', to: '10002', toString: 'Shipped!' })
      )
    ).toEqual({
      kind: 'updated',
      issueId: '10042',
      placementChanged: false,
      statusChanged: true
    });
  });

  it('ignores other event types and updates of fields that do not touch evidence', () => {
    expect(parseIssueEvent({ eventType: 'avi:jira:created:issue', issue })).toBeUndefined();
    expect(parseIssueEvent(updated({ field: 'summary', fieldId: 'summary' }))).toBeUndefined();
    expect(parseIssueEvent({ eventType: 'avi:jira:updated:issue', issue })).toBeUndefined();
    expect(parseIssueEvent(undefined)).toBeUndefined();
  });

  it('refuses a malformed event of a handled type', () => {
    const bad = [
      { eventType: 'avi:jira:deleted:issue' },
      { eventType: 'avi:jira:deleted:issue', issue: { ...issue, id: '../etc' } },
      { eventType: 'avi:jira:deleted:issue', issue: { id: '1', fields: { project: { id: 'x' } } } },
      { ...updated(), changelog: { items: [{ fieldId: 'status' }] } }
    ];
    for (const event of bad) expect(() => parseIssueEvent(event)).toThrow(ValidationError);
  });
});
