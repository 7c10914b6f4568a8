import type { ApiError } from '../../api';

/** What a flag tells the user after a failed change; the code decides, not the message. */
export function describeError(error: ApiError): string {
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return error.fieldIssues.length > 0
        ? error.fieldIssues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
        : error.message;
    case 'FORBIDDEN':
      return 'You don’t have permission to change customer evidence in this project.';
    case 'CONFLICT':
      return 'Someone else changed this at the same time. Try again.';
    case 'NOT_FOUND':
      return 'It no longer exists. Refresh the page.';
    case 'LIMIT_EXCEEDED':
      return error.message;
    case 'UPSTREAM_FAILED':
      return 'Jira or storage didn’t answer. Try again.';
    case 'BUSY':
      return 'Storage is busy right now. Nothing was changed; wait a few seconds and try again.';
    case 'INTERNAL':
      return 'Something went wrong on our side. Try again.';
  }
}
