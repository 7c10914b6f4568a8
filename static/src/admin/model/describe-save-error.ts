import type { ApiError } from '../../api';

/** What a failed save's flag tells the admin to do; the code decides, not the message. */
export function describeSaveError(error: ApiError): string {
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return 'Some fields need attention.';
    case 'FORBIDDEN':
      return 'Only Jira administrators can change customer-evidence settings.';
    case 'CONFLICT':
      return 'Someone else saved settings at the same time. Try again.';
    case 'NOT_FOUND':
      return 'The settings were not found. Reload the page.';
    case 'LIMIT_EXCEEDED':
      return error.message;
    case 'UPSTREAM_FAILED':
      return 'Jira or storage didn’t answer. Nothing was saved; try again.';
    case 'BUSY':
      return 'Storage is busy right now. Nothing was saved; wait a few seconds and try again.';
    case 'INTERNAL':
      return 'Something went wrong on our side. Nothing was saved; try again.';
  }
}
