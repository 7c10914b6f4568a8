import { z } from 'zod';
import { parseWith } from './parse';

const GroupName = z.string().trim().min(1).max(255);
const Groups = z
  .array(GroupName)
  .max(20)
  .default([])
  .transform((groups) => [...new Set(groups)]);

/**
 * Who may change a project's evidence, named by Jira admins per project. Jira's own
 * project-level "Edit issues" answer cannot be used for this: `mypermissions` in a
 * project context grants it when the user may edit ANY one issue there (a "Reporter
 * may edit" scheme would make every reporter an editor of the whole library).
 */
export const ProjectRolesSchema = z.strictObject({
  /** Capture, import, and link insights to issues they can browse. */
  contributors: Groups,
  /** Everything contributors do, and merge, delete, dismiss, edit insights and accounts. */
  curators: Groups
});

export type ProjectRoles = z.output<typeof ProjectRolesSchema>;

export function parseProjectRoles(input: unknown): ProjectRoles {
  return parseWith(ProjectRolesSchema, input ?? {}, 'project roles');
}

/** What one user may do with one project's evidence. */
export interface Capabilities {
  browse: boolean;
  contribute: boolean;
  curate: boolean;
}

/**
 * A user's capabilities in a project from facts Jira vouches for: whether they may
 * browse it, whether they administer Jira or the project, and their groups.
 * Administrators are curators by default; a curator is also a contributor. Nobody
 * acts on a project they cannot browse.
 */
export function capabilitiesOf(facts: {
  browse: boolean;
  jiraAdmin: boolean;
  projectAdmin: boolean;
  groups: readonly string[];
  roles: ProjectRoles;
}): Capabilities {
  if (!facts.browse) return { browse: false, contribute: false, curate: false };
  const inAny = (named: readonly string[]): boolean => facts.groups.some((g) => named.includes(g));
  const curate = facts.jiraAdmin || facts.projectAdmin || inAny(facts.roles.curators);
  return { browse: true, curate, contribute: curate || inAny(facts.roles.contributors) };
}
