import type { LocalForge } from '../local/host/local-forge';
import { AppClient, DEMO_USERS, testForge } from './evidence-kit';

/**
 * The privacy group picker and its guards: groups come from Jira, a name Jira does not
 * know is refused before anything is saved, and an admin about to hide identity from
 * themselves has to say so.
 */
describe('admin privacy groups', () => {
  let forge: LocalForge;
  const admin = (accountId: string = DEMO_USERS.alice) =>
    new AppClient(forge, accountId, { module: 'adminPage' });

  beforeEach(() => {
    forge = testForge();
  });
  afterEach(() => forge.stop());

  it('offers Jira groups whose names contain what was typed, to Jira administrators only', async () => {
    const found = await admin().ok('admin/findGroups', { query: 'CX' });
    expect(found.map((g) => g.name)).toEqual(['cx-contributors', 'cx-curators']);
    expect(await admin().ok('admin/findGroups', { query: 'nothing-like-it' })).toEqual([]);
    expect(await admin(DEMO_USERS.bob).call('admin/findGroups', { query: 'cx' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    });
  });

  it('refuses a group name Jira does not know, naming it, and saves nothing', async () => {
    const result = await admin().call('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators', 'trust-and-saftey'] }
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fieldIssues: [
          { path: 'privacy.allowedGroups.1', message: 'Jira has no group called “trust-and-saftey”.' }
        ]
      }
    });
    expect((await admin().ok('admin/getSettings', {})).privacy).toEqual({
      restrictIdentity: false,
      allowedGroups: []
    });
  });

  it('stores a group as Jira spells it', async () => {
    const saved = await admin().ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['JIRA-Administrators'] }
    });
    expect(saved.privacy.allowedGroups).toEqual(['jira-administrators']);
  });

  it('reports saved groups that Jira no longer has', async () => {
    await admin().ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators', 'viewers'] }
    });
    expect((await admin().ok('admin/getSettings', {})).unknownGroups).toEqual([]);
    forge.jira.deleteGroup('viewers');
    expect((await admin().ok('admin/getSettings', {})).unknownGroups).toEqual(['viewers']);
  });

  it('asks an admin outside every allowed group to confirm before hiding identity from themselves', async () => {
    const refused = await admin().call('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety'] }
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fieldIssues: [
          {
            path: 'confirmSelfMask',
            message:
              'You are not in any of these groups: after saving, account names and revenue will be hidden from you too.'
          }
        ]
      }
    });
    expect((await admin().ok('admin/getSettings', {})).privacy.restrictIdentity).toBe(false);

    const confirmed = await admin().ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety'] },
      confirmSelfMask: true
    });
    expect(confirmed.privacy).toEqual({ restrictIdentity: true, allowedGroups: ['trust-and-safety'] });
  });

  it('needs no confirmation when the admin stays in an allowed group or nothing is restricted', async () => {
    await admin().ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety', 'jira-administrators'] }
    });
    await admin().ok('admin/saveSettings', {
      privacy: { restrictIdentity: false, allowedGroups: ['trust-and-safety'] }
    });
    expect((await admin().ok('admin/getSettings', {})).privacy).toEqual({
      restrictIdentity: false,
      allowedGroups: ['trust-and-safety']
    });
  });
});
