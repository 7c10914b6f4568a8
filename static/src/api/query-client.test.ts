import { ApiError } from './api-error';
import { shouldRetry } from './query-client';

it('tries a call that got no answer, or was told to slow down, once more', () => {
  for (const code of ['UPSTREAM_FAILED', 'BUSY'] as const) {
    expect(shouldRetry(0, new ApiError(code, code))).toBe(true);
    expect(shouldRetry(1, new ApiError(code, code))).toBe(false);
  }
});

it('never repeats the app’s own answer', () => {
  for (const code of ['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT', 'INTERNAL'] as const) {
    expect(shouldRetry(0, new ApiError(code, code))).toBe(false);
  }
});
