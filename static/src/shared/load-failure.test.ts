import { ApiError } from '../api/api-error';
import { describeLoadFailure, type LoadScope } from './load-failure';

const SCOPE: LoadScope = {
  subject: 'The settings',
  verb: 'are',
  forbidden: { title: 'Admins only', body: 'Ask an admin.' },
  otherwise: 'Try again.'
};

describe('describeLoadFailure', () => {
  it('offers no retry to a user who was refused, and tells them as information, not as an outage', () => {
    expect(describeLoadFailure(new ApiError('FORBIDDEN', 'no'), SCOPE)).toEqual({
      title: 'Admins only',
      body: 'Ask an admin.',
      retry: false,
      appearance: 'information'
    });
    expect(describeLoadFailure(new ApiError('UPSTREAM_FAILED', 'down'), SCOPE).appearance).toBe('error');
  });

  it('names what is busy with the scope’s own verb', () => {
    expect(describeLoadFailure(new ApiError('BUSY', 'busy'), SCOPE).title).toBe('The settings are busy');
    expect(
      describeLoadFailure(new ApiError('BUSY', 'busy'), { ...SCOPE, subject: 'Shipped work', verb: 'is' })
        .title
    ).toBe('Shipped work is busy');
  });

  it('says “not found” only where the screen explains it, else that it did not load', () => {
    const gone = new ApiError('NOT_FOUND', 'gone');
    expect(describeLoadFailure(gone, SCOPE)).toEqual({
      title: 'The settings didn’t load',
      body: 'Try again.',
      retry: true,
      appearance: 'error'
    });
    const notFound = { title: 'Issue not found', body: 'It may have moved.' };
    expect(describeLoadFailure(gone, { ...SCOPE, notFound })).toEqual({
      ...notFound,
      retry: true,
      appearance: 'error'
    });
  });
});
