import { ApiError } from '../../api/api-error';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('tells a user whose change hit the storage quota that nothing changed and to try again shortly', () => {
    const text = describeError(new ApiError('BUSY', 'Storage is busy right now.'));
    expect(text).toMatch(/busy/i);
    expect(text).toMatch(/nothing was changed/i);
    expect(text).toMatch(/try again/i);
  });
});
