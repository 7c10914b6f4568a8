import { LocalJira } from './local-jira';
import type { JiraProductEvent } from './product-events';
import { createDemoSeed, DEMO_USERS } from './seed';

/** The product events the local Jira emits when tests or the sandbox change the site. */
function site() {
  const seed = createDemoSeed({ projects: 2, issuesPerProject: 40 });
  const jira = new LocalJira(seed);
  const events: JiraProductEvent[] = [];
  const stop = jira.onProductEvent((event) => events.push(event));
  const typeOf = (id: string) => seed.issueTypes.find((t) => t.id === jira.getIssue(id)?.issueTypeId);
  const story = jira
    .listIssues()
    .find(
      (i) =>
        i.parentId && typeOf(i.id)?.hierarchyLevel === 0 && jira.listIssues().some((c) => c.parentId === i.id)
    )!;
  const epic = jira
    .listIssues()
    .find(
      (i) => typeOf(i.id)?.hierarchyLevel === 1 && i.id !== story.parentId && i.projectId === story.projectId
    )!;
  return { seed, jira, events, stop, story, epic };
}

describe('local Jira product events', () => {
  it('a transition emits an update with resolution and status items, with the issue and the acting user', () => {
    const { jira, events, story } = site();
    jira.setStatus(story.id, '3');
    events.length = 0;
    jira.setStatus(story.id, '10002', DEMO_USERS.bob);
    expect(events).toHaveLength(1);
    const { eventType, payload } = events[0]!;
    expect(eventType).toBe('avi:jira:updated:issue');
    expect(payload).toMatchObject({
      issue: {
        id: story.id,
        key: story.key,
        fields: { project: { id: story.projectId }, status: { id: '10002' } }
      },
      atlassianId: DEMO_USERS.bob,
      associatedUsers: [{ accountId: DEMO_USERS.bob }],
      changelog: {
        items: [
          { field: 'resolution', fieldId: 'resolution', to: '10000', toString: 'Done' },
          { field: 'status', fieldId: 'status', to: '10002', toString: 'Done' }
        ]
      }
    });
    jira.setStatus(story.id, '10002');
    expect(events).toHaveLength(1); // no change, no event
  });

  it('a move emits the parent, project and key changes, and one update per sub-task moved along', () => {
    const { seed, jira, events, story, epic } = site();
    const subtasks = jira.listIssues().filter((i) => i.parentId === story.id);
    const to = seed.projects.find((p) => p.id !== story.projectId)!;
    jira.moveIssue(story.id, { parentId: epic.id, projectId: to.id });
    expect(events.map((e) => (e.payload.issue as { id: string }).id)).toEqual([
      story.id,
      ...subtasks.map((s) => s.id)
    ]);
    const fields = (events[0]!.payload.changelog as { items: { field: string }[] }).items.map((i) => i.field);
    expect(fields).toEqual(['IssueParentAssociation', 'project', 'Key']);
    expect(events[0]!.payload).toMatchObject({
      issue: { fields: { parent: { id: epic.id }, project: { id: to.id } } }
    });
    expect((events[0]!.payload.changelog as { items: unknown[] }).items[0]).toMatchObject({
      from: story.parentId,
      to: epic.id
    });
  });

  it('a deletion emits one event, for the issue as it was, and none for its sub-tasks', () => {
    const { jira, events, stop, story } = site();
    const subtasks = jira.listIssues().filter((i) => i.parentId === story.id);
    expect(subtasks.length).toBeGreaterThan(0);
    jira.deleteIssue(story.id);
    expect(events.map((e) => [e.eventType, (e.payload.issue as { id: string }).id])).toEqual([
      ['avi:jira:deleted:issue', story.id]
    ]);
    for (const subtask of subtasks) expect(jira.getIssue(subtask.id)).toBeUndefined();
    expect(events[0]!.payload).toMatchObject({
      issue: { key: story.key, fields: { parent: { id: story.parentId } } }
    });
    stop();
    jira.setStatus(jira.listIssues()[0]!.id, '3');
    jira.setStatus(jira.listIssues()[0]!.id, '10000');
    expect(events).toHaveLength(1);
  });

  it('deleting a project emits avi:jira:deleted:project only, and its issues are gone', () => {
    const { seed, jira, events } = site();
    const project = seed.projects[1]!;
    const issues = jira.listIssues().filter((i) => i.projectId === project.id);
    jira.deleteProject(project.id, DEMO_USERS.alice);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:deleted:project',
      payload: { project: { id: project.id, key: project.key }, atlassianId: DEMO_USERS.alice }
    });
    for (const issue of issues) expect(jira.getIssue(issue.id)).toBeUndefined();
    expect(jira.listIssues().length).toBeGreaterThan(0);
  });

  it('can leave optional issue fields such as project out of events', () => {
    const { jira, events, story } = site();
    jira.omitEventFields(['project']);
    jira.setStatus(story.id, story.statusId === '3' ? '10002' : '3');
    const issue = events[0]!.payload.issue as { id: string; fields: Record<string, unknown> };
    expect(issue.id).toBe(story.id);
    expect(issue.fields).not.toHaveProperty('project');
    expect(issue.fields).toHaveProperty('status');
  });
});
