import { ApiError } from '../api/api-error';
import { describeError, type ChangeScope } from './error-copy';

const SCOPES: readonly ChangeScope[] = ['issue-evidence', 'project-evidence', 'settings'];

describe('describeError', () => {
  it('tells a user whose change hit the storage quota that nothing changed and to try again shortly', () => {
    const text = describeError(new ApiError('BUSY', 'Storage is busy right now.'), 'project-evidence');
    expect(text).toMatch(/busy/i);
    expect(text).toMatch(/nothing was changed/i);
    expect(text).toMatch(/try again/i);
  });

  it('tells an admin whose save failed that nothing was saved', () => {
    for (const code of ['BUSY', 'UPSTREAM_FAILED', 'INTERNAL'] as const)
      expect(describeError(new ApiError(code, 'x'), 'settings')).toMatch(/nothing was saved/i);
  });

  it('lists each field problem on the project page, where the flag is the only place they show', () => {
    const error = new ApiError('VALIDATION_FAILED', 'Invalid input', [
      { path: 'note', message: 'Too long' },
      { path: '', message: 'Pick at least one insight' }
    ]);
    expect(describeError(error, 'project-evidence')).toBe('note: Too long; Pick at least one insight');
    expect(describeError(error, 'issue-evidence')).toBe('Some fields need attention.');
  });

  it('says who may make the change, in the words of the screen the user is on', () => {
    const forbidden = new ApiError('FORBIDDEN', 'Forbidden');
    expect(describeError(forbidden, 'issue-evidence')).toMatch(/evidence on this issue/);
    expect(describeError(forbidden, 'project-evidence')).toMatch(/in this project/);
    expect(describeError(forbidden, 'settings')).toMatch(/Only Jira administrators/);
  });

  it('tells a refused user who can grant what is missing', () => {
    const forbidden = new ApiError('FORBIDDEN', 'Forbidden');
    for (const scope of SCOPES) expect(describeError(forbidden, scope)).toMatch(/Ask a Jira admin/);
    expect(describeError(forbidden, 'project-evidence')).toMatch(
      /contributor or curator on the app’s admin page/
    );
  });

  it('passes a limit’s own wording through, since it names the limit that was hit', () => {
    for (const scope of SCOPES)
      expect(describeError(new ApiError('LIMIT_EXCEEDED', 'At most 25 insights per link.'), scope)).toBe(
        'At most 25 insights per link.'
      );
  });
});
