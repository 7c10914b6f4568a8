import type { JiraState } from './jira-state';
import type { Permissions } from './permissions';
import type { Representations } from './representations';

/** What every group of routes needs: the site's data, its rules and its JSON shapes. */
export interface SiteContext {
  state: JiraState;
  permissions: Permissions;
  representations: Representations;
}
