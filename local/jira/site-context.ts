import type { JiraState } from './jira-state';
import type { Permissions } from './permissions';
import type { ChangelogItem } from './product-events';
import type { Representations } from './representations';
import type { SeedIssue } from './seed';

/**
 * What every group of routes needs: the site's data, its rules and its JSON shapes, and
 * for writes that change issues the site's clock and its issue-updated event.
 */
export interface SiteContext {
  state: JiraState;
  permissions: Permissions;
  representations: Representations;
  now: () => Date;
  /** Records a change in the issue's history, stamps `updated` and emits the event. */
  recordUpdate: (issue: SeedIssue, items: ChangelogItem[], actor: string) => void;
  /** Moves the issue to the status (resolving or unresolving it) and emits the event. */
  transition: (issue: SeedIssue, statusId: string, actor: string) => void;
}
