import type { ServiceResponse } from '../host/services';

/** JSM answers errors in its own shape (`ErrorResponse`), not the platform's `errorMessages`. */
export function serviceDeskError(status: number, errorMessage: string, i18nKey: string): ServiceResponse {
  return { status, body: { errorMessage, i18nErrorMessage: { i18nKey, parameters: [] } } };
}

export const notLoggedIn = (): ServiceResponse =>
  serviceDeskError(401, 'You are not logged in.', 'sd.customer.request.error.notloggedin');

/** A request that does not exist and one the caller may not see answer alike. */
export const requestNotFound = (): ServiceResponse =>
  serviceDeskError(
    404,
    'The request does not exist or you do not have permission to see it.',
    'sd.customer.request.error.notfound'
  );
