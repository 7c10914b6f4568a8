import type { ApiError } from '../api';

/** How a screen names what did not load, and what it says when the user may not see it. */
export interface LoadScope {
  /** What did not load, as a sentence's subject: "The settings", "Customer evidence". */
  subject: string;
  /** "is" or "are", for "… is busy". */
  verb: 'is' | 'are';
  /** Said to a user who may not see it: what they lack and who can grant it, not an outage. */
  forbidden: { title: string; body: string };
  /** Said when what was asked for is gone; without it, a missing thing reads as a failure. */
  notFound?: { title: string; body: string };
  /** Said after an unexpected failure, besides "try again". */
  otherwise: string;
}

export interface LoadFailureCopy {
  title: string;
  body: string;
  /** Whether trying again can help (not for a refusal). */
  retry: boolean;
  /**
   * How it is shown: a refusal is information (what is missing, who grants it), never the
   * red of a failure, which would read as an outage.
   */
  appearance: 'information' | 'error';
}

/**
 * What a screen that could not load says, by error code: the one copy for loads, as
 * `describeError` (error-copy) is for changes.
 */
export function describeLoadFailure(error: ApiError, scope: LoadScope): LoadFailureCopy {
  switch (error.code) {
    case 'FORBIDDEN':
      return { ...scope.forbidden, retry: false, appearance: 'information' };
    case 'NOT_FOUND':
      if (scope.notFound) return { ...scope.notFound, retry: true, appearance: 'error' };
      break;
    case 'UPSTREAM_FAILED':
      return {
        title: `${scope.subject} didn’t load`,
        body: 'Jira or storage didn’t answer — try again. If it keeps failing, Atlassian may be having an outage.',
        retry: true,
        appearance: 'error'
      };
    case 'BUSY':
      return {
        title: `${scope.subject} ${scope.verb} busy`,
        body: 'Storage is handling a lot of work for this site right now. Wait a few seconds, then try again.',
        retry: true,
        appearance: 'error'
      };
    case 'LIMIT_EXCEEDED':
      return {
        title: 'Too many requests',
        body: 'Wait a few seconds, then try again.',
        retry: true,
        appearance: 'error'
      };
    default:
      break;
  }
  return { title: `${scope.subject} didn’t load`, body: scope.otherwise, retry: true, appearance: 'error' };
}
