import type { SeedProjectPermission } from './seed';

/**
 * Jira's built-in permissions the local site knows, with their real ids, names and
 * types, and where each one's holders come from in the seed: a seeded project
 * permission, the ADMINISTER global grant, or every licensed user.
 */
export interface PermissionInfo {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
  grantedBy: SeedProjectPermission | 'ADMINISTER' | 'ANY_USER';
}

const entries: PermissionInfo[] = [
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
    grantedBy: 'ADMINISTER'
  },
  {
    id: '44',
    key: 'SYSTEM_ADMIN',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Ability to perform all administration functions. There must be at least one group with this permission.',
    grantedBy: 'ADMINISTER'
  },
  {
    id: '27',
    key: 'USER_PICKER',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description:
      'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
    grantedBy: 'ANY_USER'
  },
  {
    id: '22',
    key: 'CREATE_SHARED_OBJECTS',
    name: 'Share dashboards and filters',
    type: 'GLOBAL',
    description: 'Share dashboards and filters with other users.',
    grantedBy: 'ANY_USER'
  },
  {
    id: '33',
    key: 'BULK_CHANGE',
    name: 'Make bulk changes',
    type: 'GLOBAL',
    description: 'Modify collections of issues at once. For example, resolve multiple issues in one step.',
    grantedBy: 'ANY_USER'
  },
  {
    id: '10',
    key: 'BROWSE_PROJECTS',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
    grantedBy: 'BROWSE_PROJECTS'
  },
  {
    id: '23',
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
    grantedBy: 'ADMINISTER_PROJECTS'
  },
  {
    id: '12',
    key: 'EDIT_ISSUES',
    name: 'Edit Issues',
    type: 'PROJECT',
    description: 'Ability to edit issues.',
    grantedBy: 'EDIT_ISSUES'
  },
  {
    id: '11',
    key: 'CREATE_ISSUES',
    name: 'Create Issues',
    type: 'PROJECT',
    description: 'Ability to create issues.',
    grantedBy: 'EDIT_ISSUES'
  },
  {
    id: '13',
    key: 'ASSIGN_ISSUES',
    name: 'Assign Issues',
    type: 'PROJECT',
    description: 'Ability to assign issues to other people.',
    grantedBy: 'EDIT_ISSUES'
  },
  {
    id: '46',
    key: 'TRANSITION_ISSUES',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
    grantedBy: 'EDIT_ISSUES'
  },
  {
    id: '15',
    key: 'ADD_COMMENTS',
    name: 'Add Comments',
    type: 'PROJECT',
    description: 'Ability to comment on issues.',
    grantedBy: 'BROWSE_PROJECTS'
  },
  {
    id: '21',
    key: 'LINK_ISSUES',
    name: 'Link Issues',
    type: 'PROJECT',
    description:
      'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
    grantedBy: 'EDIT_ISSUES'
  },
  {
    id: '16',
    key: 'DELETE_ISSUES',
    name: 'Delete Issues',
    type: 'PROJECT',
    description: 'Ability to delete issues.',
    grantedBy: 'ADMINISTER_PROJECTS'
  },
  {
    id: '19',
    key: 'VIEW_DEV_TOOLS',
    name: 'View Development Tools',
    type: 'PROJECT',
    description:
      'Allows users in a software project to view development-related information on the issue, such as commits, reviews and build information.',
    grantedBy: 'BROWSE_PROJECTS'
  }
];

export const PERMISSION_CATALOG: ReadonlyMap<string, PermissionInfo> = new Map(
  entries.map((entry) => [entry.key, entry])
);
