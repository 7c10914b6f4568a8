import type { Grantee, SeedIssue, SeedIssueType, SeedProject, SeedServiceDesk, SeedUser } from './seed';

/**
 * The demo site's Jira Service Management part: a service project, "Customer Support",
 * whose requests come from people at the demo's customers. Its organizations carry the
 * names of accounts the evidence already knows ("Globex", "Acme Corporation") and one it
 * does not ("Initech"), so sending a request to the evidence shows both an existing
 * account and a new one.
 */

/** Customers: JSM users without a Jira licence, who raise requests on the portal. */
export const DEMO_CUSTOMERS = {
  priya: 'qm:c0570000-0000-4000-8000-0000000000c1',
  ken: 'qm:c0570000-0000-4000-8000-0000000000c2',
  lena: 'qm:c0570000-0000-4000-8000-0000000000c3',
  omar: 'qm:c0570000-0000-4000-8000-0000000000c4'
} as const;

export const SERVICE_DESK_AGENTS_GROUP = 'service-desk-agents';

export const SERVICE_REQUEST_TYPE: SeedIssueType = {
  id: '10100',
  name: 'Service request',
  hierarchyLevel: 0,
  subtask: false
};

export const DEMO_SERVICE_PROJECT = { id: '10010', key: 'SUP', name: 'Customer Support' } as const;

const CUSTOMERS: SeedUser[] = [
  {
    accountId: DEMO_CUSTOMERS.priya,
    displayName: 'Priya Raman',
    emailAddress: 'priya@globex.example',
    active: true
  },
  { accountId: DEMO_CUSTOMERS.ken, displayName: 'Ken Adams', emailAddress: 'ken@acme.example', active: true },
  {
    accountId: DEMO_CUSTOMERS.lena,
    displayName: 'Lena Park',
    emailAddress: 'lena@initech.example',
    active: true
  },
  {
    accountId: DEMO_CUSTOMERS.omar,
    displayName: 'Omar Haddad',
    emailAddress: 'omar@example.org',
    active: true
  }
];

const REQUESTS: {
  summary: string;
  description: string;
  reporter: string;
  priority?: string;
  done?: boolean;
}[] = [
  {
    summary: 'Invoice export times out for our finance team',
    description: 'Every month-end our finance team waits minutes for the invoice export and then it fails.',
    reporter: DEMO_CUSTOMERS.priya,
    priority: 'High'
  },
  {
    summary: 'Cannot add a second billing contact',
    description: 'We need two people to receive invoices; the billing page only takes one address.',
    reporter: DEMO_CUSTOMERS.ken,
    priority: 'Highest'
  },
  {
    summary: 'Bulk edit of SKUs fails on large catalogues',
    description: 'Editing more than 500 SKUs at once shows an error and nothing is saved.',
    reporter: DEMO_CUSTOMERS.lena,
    priority: 'Medium'
  },
  {
    summary: 'How long do you keep deleted orders?',
    description: 'Our auditors ask how long deleted orders stay recoverable.',
    reporter: DEMO_CUSTOMERS.omar
  }
];

export interface DemoServiceDesk {
  users: SeedUser[];
  project: SeedProject;
  issues: SeedIssue[];
  serviceDesk: SeedServiceDesk;
}

/**
 * The service project, its requests (ids from `firstIssueId` on) and its desk. Agents
 * browse and edit the project; Jira admins administer it.
 */
export function demoServiceDesk(
  firstIssueId: number,
  admins: Grantee,
  leadAccountId: string,
  at: (day: number) => string,
  openStatusId: string
): DemoServiceDesk {
  const agents: Grantee = { group: SERVICE_DESK_AGENTS_GROUP };
  const project: SeedProject = {
    ...DEMO_SERVICE_PROJECT,
    projectTypeKey: 'service_desk',
    leadAccountId,
    permissions: {
      BROWSE_PROJECTS: [admins, agents],
      EDIT_ISSUES: [admins, agents],
      ADMINISTER_PROJECTS: [admins]
    }
  };
  const issues: SeedIssue[] = REQUESTS.map((request, n) => ({
    id: String(firstIssueId + n),
    key: `${DEMO_SERVICE_PROJECT.key}-${n + 1}`,
    projectId: project.id,
    issueTypeId: SERVICE_REQUEST_TYPE.id,
    summary: request.summary,
    description: request.description,
    statusId: openStatusId,
    reporterAccountId: request.reporter,
    created: at(300 + n),
    updated: at(300 + n)
  }));
  const serviceDesk: SeedServiceDesk = {
    id: '1',
    projectId: project.id,
    agents: [agents],
    organizations: [
      { id: '1', name: 'Globex', members: [DEMO_CUSTOMERS.priya] },
      { id: '2', name: 'Acme Corporation', members: [DEMO_CUSTOMERS.ken] },
      { id: '3', name: 'Initech', members: [DEMO_CUSTOMERS.lena] }
    ],
    requests: issues.map((issue, n) => ({
      issueId: issue.id,
      requestTypeId: '1',
      ...(REQUESTS[n]?.priority ? { priority: REQUESTS[n].priority } : {})
    }))
  };
  return { users: CUSTOMERS.map((user) => ({ ...user })), project, issues, serviceDesk };
}
