import {
  groupNameProblem,
  jiraSpelling,
  mapPrivacyIssues,
  samePrivacy,
  selfMaskWarning
} from './privacy-form';

it('accepts a new group name and refuses empty, duplicate, overlong and one too many', () => {
  expect(groupNameProblem(' support ', ['admins'])).toBeNull();
  expect(groupNameProblem('   ', [])).toBe('Enter a Jira group name.');
  expect(groupNameProblem('Admins', ['admins'])).toBe('Admins is already in the list.');
  expect(groupNameProblem('x'.repeat(256), [])).toBe('Group names are at most 255 characters.');
  const twenty = Array.from({ length: 20 }, (_, i) => `g${i}`);
  expect(groupNameProblem('one-more', twenty)).toBe('At most 20 groups can be allowed.');
});

it('names the group a server issue is about', () => {
  expect(
    mapPrivacyIssues(
      [
        { path: 'privacy.allowedGroups.1', message: 'Too long' },
        { path: 'privacy.restrictIdentity', message: 'Expected boolean' }
      ],
      ['a', 'b']
    )
  ).toEqual({ groups: 'b: Too long', formErrors: ['privacy.restrictIdentity: Expected boolean'] });
  expect(mapPrivacyIssues([{ path: 'privacy.allowedGroups', message: 'Too many' }], [])).toEqual({
    groups: 'Too many',
    formErrors: []
  });
});

it('compares privacy settings including group order', () => {
  expect(
    samePrivacy(
      { restrictIdentity: true, allowedGroups: ['a'] },
      { restrictIdentity: true, allowedGroups: ['a'] }
    )
  ).toBe(true);
  expect(
    samePrivacy(
      { restrictIdentity: true, allowedGroups: ['a'] },
      { restrictIdentity: false, allowedGroups: ['a'] }
    )
  ).toBe(false);
});

it('finds Jira’s spelling of a typed group name among the groups Jira found', () => {
  const found = [{ name: 'finance-ops' }, { name: 'Finance' }];
  expect(jiraSpelling(' finance ', found)).toBe('Finance');
  expect(jiraSpelling('financ', found)).toBeUndefined();
});

it('tells the self-masking question apart from other refusals', () => {
  expect(selfMaskWarning([{ path: 'confirmSelfMask', message: 'Hidden from you too.' }])).toBe(
    'Hidden from you too.'
  );
  expect(selfMaskWarning([{ path: 'privacy.allowedGroups.0', message: 'Unknown.' }])).toBeUndefined();
});
