import { createDemoSeed, DEMO_USERS } from './seed';

describe('createDemoSeed', () => {
  const seed = createDemoSeed();

  it('is deterministic for a given seed and differs for another', () => {
    expect(createDemoSeed()).toEqual(seed);
    expect(createDemoSeed({ seed: 7 })).not.toEqual(seed);
  });

  it('makes hundreds of issues across three projects by default', () => {
    expect(seed.projects.map((p) => `${p.key} ${p.name}`)).toEqual([
      'CHK Checkout',
      'MOB Mobile App',
      'PLT Platform',
      'LEG Legal'
    ]);
    expect(seed.issues.length).toBeGreaterThanOrEqual(300);
    for (const project of seed.projects.filter((p) => p.addonsRoleBrowse !== false))
      expect(seed.issues.filter((i) => i.projectId === project.id).length).toBeGreaterThanOrEqual(100);
    expect(createDemoSeed({ projects: 1, issuesPerProject: 20 }).issues).toHaveLength(38);
  });

  it('builds a consistent epic → story → sub-task hierarchy with unique ids and keys', () => {
    const byId = new Map(seed.issues.map((i) => [i.id, i]));
    const level = (typeId: string) => seed.issueTypes.find((t) => t.id === typeId)!.hierarchyLevel;
    expect(byId.size).toBe(seed.issues.length);
    expect(new Set(seed.issues.map((i) => i.key)).size).toBe(seed.issues.length);
    for (const issue of seed.issues) {
      expect(issue.id).toMatch(/^\d+$/);
      expect(issue.updated >= issue.created).toBe(true);
      if (!issue.parentId) continue;
      const parent = byId.get(issue.parentId)!;
      expect(parent.projectId).toBe(issue.projectId);
      expect(level(parent.issueTypeId)).toBe(level(issue.issueTypeId) + 1);
    }
    const counts = [1, 0, -1].map((l) => seed.issues.filter((i) => level(i.issueTypeId) === l).length);
    expect(counts.every((count) => count > 10)).toBe(true);
    expect(seed.issues.some((i) => i.statusId === '10002')).toBe(true);
  });

  it('has an initiative level above epics in one project, down to sub-tasks', () => {
    const initiativeType = seed.issueTypes.find((t) => t.name === 'Initiative')!;
    expect(initiativeType.hierarchyLevel).toBe(2);
    const initiatives = seed.issues.filter((i) => i.issueTypeId === initiativeType.id);
    expect(initiatives).toHaveLength(2);
    expect(new Set(initiatives.map((i) => i.projectId))).toEqual(new Set([seed.projects[0]!.id]));
    const under = (parentIds: string[]) =>
      seed.issues.filter((i) => i.parentId && parentIds.includes(i.parentId));
    const epics = under(initiatives.map((i) => i.id));
    const stories = under(epics.map((i) => i.id));
    expect([epics.length, stories.length, under(stories.map((i) => i.id)).length]).toEqual([3, 4, 3]);
  });

  it('has the demo people with fixed ids and three issues carol cannot see', () => {
    expect(seed.users.map((u) => u.accountId)).toEqual(expect.arrayContaining(Object.values(DEMO_USERS)));
    const restricted = seed.issues.filter((i) => i.securityLevel);
    expect(restricted).toHaveLength(3);
    const groupsOf = (accountId: string) =>
      seed.groups.filter((g) => g.members.includes(accountId)).map((g) => g.name);
    for (const issue of restricted) {
      const cleared = issue.securityLevel!.grantees.some((g) =>
        'user' in g
          ? g.user === DEMO_USERS.carol
          : 'group' in g && groupsOf(DEMO_USERS.carol).includes(g.group)
      );
      expect(cleared).toBe(false);
    }
  });

  it('has stories shipped in the 14 days before the sandbox clock, in every project the app can see', () => {
    const now = new Date('2026-12-01T12:00:00.000Z');
    const fresh = createDemoSeed({ now });
    const daysAgo = (iso: string | undefined) => (now.getTime() - Date.parse(iso ?? '')) / 86_400_000;
    const shipped = fresh.issues.filter((i) => i.resolutiondate && daysAgo(i.resolutiondate) <= 14);
    const stories = shipped.filter((i) => i.issueTypeId === '10001');
    expect(stories.length).toBeGreaterThanOrEqual(6);
    for (const story of stories) {
      expect(daysAgo(story.resolutiondate)).toBeGreaterThanOrEqual(1);
      expect(story).toMatchObject({ statusId: '10002', updated: story.resolutiondate });
      expect(story.securityLevel).toBeUndefined();
    }
    const visible = fresh.projects.filter((p) => p.addonsRoleBrowse !== false).map((p) => p.id);
    expect(new Set(stories.map((i) => i.projectId))).toEqual(new Set(visible));
    // Nothing is recent without a clock: the default site stays the same from run to run.
    expect(seed.issues.filter((i) => i.resolutiondate && daysAgo(i.resolutiondate) <= 14)).toEqual([]);
  });
});
