import type { ApiError } from '../api';

/**
 * What the user was changing when a call failed. The same code reads differently on
 * each screen: a panel user changes one issue's evidence, a project user the project's
 * library, an admin the site's settings.
 */
export type ChangeScope = 'issue-evidence' | 'project-evidence' | 'settings';

interface ScopeCopy {
  /** Invalid input: either one line (the form shows each field's problem) or every problem listed. */
  validation: 'summary' | 'list';
  /** A refusal is not an outage: it says what is missing and who can grant it. */
  forbidden: string;
  conflict: string;
  notFound: string;
  /** Said after Jira or storage did not answer. */
  upstream: string;
  /** What a busy storage left untouched. */
  untouched: string;
  internal: string;
}

const COPY: Readonly<Record<ChangeScope, ScopeCopy>> = {
  'issue-evidence': {
    validation: 'summary',
    forbidden:
      'You can’t change evidence on this issue. Ask a Jira admin for permission to edit it, or to add you as a contributor on the app’s admin page.',
    conflict: 'Someone else changed this evidence at the same time. Try again.',
    notFound: 'That evidence no longer exists. Refresh the panel.',
    upstream: 'Jira or storage didn’t answer. Try again.',
    untouched: 'Nothing was changed',
    internal: 'Something went wrong on our side. Try again.'
  },
  'project-evidence': {
    validation: 'list',
    forbidden:
      'You can’t change customer evidence in this project. Ask a Jira admin to add you as a contributor or curator on the app’s admin page.',
    conflict: 'Someone else changed this at the same time. Try again.',
    notFound: 'It no longer exists. Refresh the page.',
    upstream: 'Jira or storage didn’t answer. Try again.',
    untouched: 'Nothing was changed',
    internal: 'Something went wrong on our side. Try again.'
  },
  settings: {
    validation: 'summary',
    forbidden:
      'Only Jira administrators can change customer-evidence settings. Ask a Jira admin to make the change.',
    conflict: 'Someone else saved settings at the same time. Try again.',
    notFound: 'The settings were not found. Reload the page.',
    upstream: 'Jira or storage didn’t answer. Nothing was saved; try again.',
    untouched: 'Nothing was saved',
    internal: 'Something went wrong on our side. Nothing was saved; try again.'
  }
};

function listIssues(error: ApiError): string {
  return error.fieldIssues.length > 0
    ? error.fieldIssues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
    : error.message;
}

/**
 * What a flag tells the user after a failed change, and what to do next. The code
 * decides, never the message, except where the message is the advice (a limit's
 * wording names the limit).
 */
export function describeError(error: ApiError, scope: ChangeScope): string {
  const copy = COPY[scope];
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return copy.validation === 'list' ? listIssues(error) : 'Some fields need attention.';
    case 'FORBIDDEN':
      return copy.forbidden;
    case 'CONFLICT':
      return copy.conflict;
    case 'NOT_FOUND':
      return copy.notFound;
    case 'LIMIT_EXCEEDED':
      return error.message;
    case 'UPSTREAM_FAILED':
      return copy.upstream;
    case 'BUSY':
      return `Storage is busy right now. ${copy.untouched}; wait a few seconds and try again.`;
    case 'INTERNAL':
      return copy.internal;
  }
}
