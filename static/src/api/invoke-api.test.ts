import { fail, forgeBridgeMock, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { ApiError } from './api-error';
import { openExternal } from './host';
import { invokeApi } from './invoke-api';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

beforeEach(resetBridge);

it('unwraps an ok result', async () => {
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
  await expect(invokeApi('panel/getAccess', {})).resolves.toEqual({
    canEdit: true,
    canContribute: true,
    canCurate: false
  });
});

it('throws a typed ApiError with the server’s code and field issues', async () => {
  const issues = [{ path: 'note', message: 'Too long' }];
  onResolver('panel/editNote', () => fail('VALIDATION_FAILED', 'Invalid note', issues));
  const error: unknown = await invokeApi('panel/editNote', { insightId: 'ins-1', note: 'x' }).catch(
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Invalid note', fieldIssues: issues });
});

it('turns a bridge rejection into UPSTREAM_FAILED', async () => {
  forgeBridgeMock.invoke.mockImplementationOnce(() => Promise.reject(new Error('Resolver timed out')));
  await expect(invokeApi('panel/getEvidence', {})).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
});

it('turns an answer that is not a Result into INTERNAL', async () => {
  forgeBridgeMock.invoke.mockImplementationOnce(() => Promise.resolve({ canEdit: true }));
  await expect(invokeApi('panel/getAccess', {})).rejects.toMatchObject({ code: 'INTERNAL' });
});

it('checks the payload against the contract before sending it', async () => {
  const error = await invokeApi('panel/unlink', { insightId: 'not an id!' }).catch((e: unknown) => e);
  expect(error).toMatchObject({
    code: 'VALIDATION_FAILED',
    fieldIssues: [{ path: 'insightId', message: 'must be an id' }]
  });
  expect(forgeBridgeMock.invoke).not.toHaveBeenCalled();
});

it('opens only http(s) links through the router', async () => {
  await openExternal('https://example.com/a');
  expect(forgeBridgeMock.router.open).toHaveBeenCalledWith('https://example.com/a');
  await expect(openExternal('javascript:alert(1)')).rejects.toThrow('Only http:// and https://');
  expect(forgeBridgeMock.router.open).toHaveBeenCalledTimes(1);
});
