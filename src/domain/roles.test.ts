import { capabilitiesOf, parseProjectRoles } from './roles';

const roles = parseProjectRoles({ contributors: ['cx-team'], curators: ['cx-leads'] });
const facts = { browse: true, jiraAdmin: false, projectAdmin: false, groups: [] as string[], roles };

describe('capabilitiesOf', () => {
  it('makes Jira and project administrators curators by default', () => {
    const none = parseProjectRoles({});
    expect(capabilitiesOf({ ...facts, roles: none, jiraAdmin: true })).toEqual({
      browse: true,
      contribute: true,
      curate: true
    });
    expect(capabilitiesOf({ ...facts, roles: none, projectAdmin: true })).toEqual({
      browse: true,
      contribute: true,
      curate: true
    });
  });

  it('gives named groups their role, and curators also contribute', () => {
    expect(capabilitiesOf({ ...facts, groups: ['cx-team'] })).toEqual({
      browse: true,
      contribute: true,
      curate: false
    });
    expect(capabilitiesOf({ ...facts, groups: ['cx-leads'] })).toEqual({
      browse: true,
      contribute: true,
      curate: true
    });
    expect(capabilitiesOf({ ...facts, groups: ['product-team'] })).toEqual({
      browse: true,
      contribute: false,
      curate: false
    });
  });

  it('grants nothing in a project the user cannot browse, whatever their groups', () => {
    expect(capabilitiesOf({ ...facts, browse: false, jiraAdmin: true, groups: ['cx-leads'] })).toEqual({
      browse: false,
      contribute: false,
      curate: false
    });
  });

  it('refuses unknown fields and de-duplicates groups', () => {
    expect(() => parseProjectRoles({ editors: ['x'] })).toThrow();
    expect(parseProjectRoles({ curators: ['a', ' a '] }).curators).toEqual(['a']);
  });
});
