import { Prng } from './prng';
import type { Grantee, JiraSeed, SeedAppField, SeedIssue, SeedProject, SeedUser } from './seed';
import { demoServiceDesk, SERVICE_DESK_AGENTS_GROUP, SERVICE_REQUEST_TYPE } from './demo-service-desk';

/**
 * The demo site: a few people with deliberately different access, three product
 * projects with an epic → story → sub-task hierarchy, two issues under issue-level
 * security, and what an app cannot see: one issue under a security level without the
 * add-ons role and a small project whose add-ons role lost Browse. Deterministic for a given seed so tests and benchmarks can rely on it.
 */
export interface DemoSeedOptions {
  /** How many of the demo projects to create (1–3, default 3). */
  projects?: number;
  /** Approximate issues per project (default 120). */
  issuesPerProject?: number;
  /** PRNG seed (default 42). */
  seed?: number;
  /**
   * The site's clock when it is seeded (the sandbox passes the time of its start). With
   * it, a few stories per product project were finished in the 14 days before it, so
   * recently shipped work exists; without it the site is the same on every run.
   */
  now?: Date;
  /**
   * Adds the Jira Service Management project "Customer Support" with its requests,
   * customers and organizations (demo-service-desk.ts), after everything else so no
   * other id or key moves. Off by default: suites that count projects are unchanged.
   */
  serviceDesk?: boolean;
}

/** Stories finished shortly before `now`, per product project, and how many days ago. */
const SHIPPED_DAYS_AGO = [
  [1, 6],
  [2, 9],
  [4, 12]
];

/** Fixed account ids, in Atlassian's `<prefix>:<uuid>` form, so tests can name users. */
export const DEMO_USERS = {
  /** Site admin: ADMINISTER, and every project permission through jira-administrators. */
  alice: '557058:a11ce000-0000-4000-8000-000000000001',
  /** Editor: browse and edit in every project. */
  bob: '557058:b0b00000-0000-4000-8000-000000000002',
  /** Viewer: browse only; cannot see the security-restricted issues. */
  carol: '557058:ca201000-0000-4000-8000-000000000003',
  /** Licensed but in no project role: sees nothing. */
  dave: '557058:da7e0000-0000-4000-8000-000000000004',
  /** Editors, to spread assignees. */
  erin: '557058:e2140000-0000-4000-8000-000000000005',
  frank: '557058:f2a70000-0000-4000-8000-000000000006',
  /** Support lead: browse only, but in the group cleared for restricted issues. */
  grace: '557058:92ace000-0000-4000-8000-000000000007',
  /** Deactivated account that still appears as reporter on old issues. */
  heidi: '557058:4e1d1000-0000-4000-8000-000000000008',
  /** CX analyst: browse only in Jira; in `cx-contributors`, which an admin may name contributors. */
  ivan: '557058:1da00000-0000-4000-8000-000000000009',
  /** CX lead: browse only in Jira; in `cx-curators`, which an admin may name curators. */
  judy: '557058:10d10000-0000-4000-8000-00000000000a'
} as const;

/** The app's number custom field, as declared by a `jira:customField` module. */
export const DEMO_APP_FIELD: SeedAppField = {
  id: 'customfield_10100',
  key: 'customer-impact-field',
  name: 'Customer impact',
  type: 'number'
};

const USERS: SeedUser[] = [
  {
    accountId: DEMO_USERS.alice,
    displayName: 'Alice Admin',
    emailAddress: 'alice@example.com',
    active: true
  },
  { accountId: DEMO_USERS.bob, displayName: 'Bob Builder', emailAddress: 'bob@example.com', active: true },
  {
    accountId: DEMO_USERS.carol,
    displayName: 'Carol Viewer',
    emailAddress: 'carol@example.com',
    active: true
  },
  { accountId: DEMO_USERS.dave, displayName: 'Dave Outsider', active: true },
  {
    accountId: DEMO_USERS.erin,
    displayName: 'Erin Engineer',
    emailAddress: 'erin@example.com',
    active: true
  },
  { accountId: DEMO_USERS.frank, displayName: 'Frank Designer', active: true },
  {
    accountId: DEMO_USERS.grace,
    displayName: 'Grace Support',
    emailAddress: 'grace@example.com',
    active: true
  },
  { accountId: DEMO_USERS.heidi, displayName: 'Heidi Former', active: false },
  { accountId: DEMO_USERS.ivan, displayName: 'Ivan Analyst', emailAddress: 'ivan@example.com', active: true },
  { accountId: DEMO_USERS.judy, displayName: 'Judy Lead', emailAddress: 'judy@example.com', active: true }
];

const GROUPS = [
  {
    name: 'jira-administrators',
    groupId: '0a1d0000-0000-4000-8000-00000000a001',
    members: [DEMO_USERS.alice]
  },
  {
    name: 'jira-software-users',
    groupId: '0a1d0000-0000-4000-8000-00000000a002',
    members: [
      DEMO_USERS.alice,
      DEMO_USERS.bob,
      DEMO_USERS.carol,
      DEMO_USERS.dave,
      DEMO_USERS.erin,
      DEMO_USERS.frank,
      DEMO_USERS.grace,
      DEMO_USERS.ivan,
      DEMO_USERS.judy
    ]
  },
  {
    name: 'product-team',
    groupId: '0a1d0000-0000-4000-8000-00000000a003',
    members: [DEMO_USERS.bob, DEMO_USERS.erin, DEMO_USERS.frank]
  },
  {
    name: 'viewers',
    groupId: '0a1d0000-0000-4000-8000-00000000a004',
    members: [DEMO_USERS.carol, DEMO_USERS.grace, DEMO_USERS.ivan, DEMO_USERS.judy]
  },
  {
    name: 'trust-and-safety',
    groupId: '0a1d0000-0000-4000-8000-00000000a005',
    members: [DEMO_USERS.bob, DEMO_USERS.grace]
  },
  {
    name: 'cx-contributors',
    groupId: '0a1d0000-0000-4000-8000-00000000a006',
    members: [DEMO_USERS.ivan]
  },
  {
    name: 'cx-curators',
    groupId: '0a1d0000-0000-4000-8000-00000000a007',
    members: [DEMO_USERS.judy]
  }
];

const ADMINS: Grantee = { group: 'jira-administrators' };
/** Agents of the demo service desk: they read its requests (the admin, the viewer, support, CX). */
const SERVICE_DESK_AGENTS = {
  name: SERVICE_DESK_AGENTS_GROUP,
  groupId: '0a1d0000-0000-4000-8000-00000000a0d1',
  members: [DEMO_USERS.alice, DEMO_USERS.carol, DEMO_USERS.grace, DEMO_USERS.ivan]
};
const EDITORS: Grantee = { group: 'product-team' };
const VIEWERS: Grantee = { group: 'viewers' };

interface ProjectTheme {
  key: string;
  name: string;
  lead: string;
  epics: { summary: string; stories: string[] }[];
  bugs: string[];
}

const THEMES: ProjectTheme[] = [
  {
    key: 'CHK',
    name: 'Checkout',
    lead: DEMO_USERS.bob,
    epics: [
      {
        summary: 'Saved payment methods',
        stories: [
          'Save a card at checkout',
          'Choose a default card',
          'Remove an expired card',
          'Show card brand icons',
          'Update billing address of a saved card'
        ]
      },
      {
        summary: 'Guest checkout',
        stories: [
          'Check out without an account',
          'Offer account creation after purchase',
          'Look up a guest order by email',
          'Remember guest address on this device'
        ]
      },
      {
        summary: 'Promo codes and gift cards',
        stories: [
          'Apply a promo code',
          'Stack a gift card with a card payment',
          'Explain why a code was rejected',
          'Show savings in the order summary'
        ]
      },
      {
        summary: 'Tax and duties for EU orders',
        stories: [
          'Show VAT-inclusive prices',
          'Collect duties at checkout for UK',
          'Issue VAT invoices',
          'Validate EU VAT numbers for businesses'
        ]
      },
      {
        summary: 'Checkout performance',
        stories: [
          'Cut payment page load under 1 s',
          'Lazy-load shipping options',
          'Prefetch address autocomplete',
          'Reduce third-party scripts on checkout'
        ]
      },
      {
        summary: 'Buy now, pay later',
        stories: [
          'Offer instalments on orders over $100',
          'Show instalment schedule before payment',
          'Handle declined instalment applications'
        ]
      },
      {
        summary: 'Order confirmation and receipts',
        stories: [
          'Send a receipt with line-item tax',
          'Resend receipt from order history',
          'Add order to wallet passes'
        ]
      },
      {
        summary: 'Fraud and chargeback handling',
        stories: [
          'Hold high-risk orders for review',
          'Show 3-D Secure challenge inline',
          'Explain payment declines to shoppers'
        ]
      }
    ],
    bugs: [
      'Double charge when tapping Pay twice',
      'Promo code field clears on address change',
      'Safari autofill puts postcode in city',
      'Currency shows USD for CAD stores',
      'Order total off by one cent with 3 items',
      'Spinner never stops after 3-D Secure timeout'
    ]
  },
  {
    key: 'MOB',
    name: 'Mobile App',
    lead: DEMO_USERS.erin,
    epics: [
      {
        summary: 'Offline mode',
        stories: [
          'Browse recently viewed items offline',
          'Queue cart changes while offline',
          'Show offline banner',
          'Sync queued changes on reconnect'
        ]
      },
      {
        summary: 'Push notification preferences',
        stories: [
          'Choose which notifications to receive',
          'Quiet hours for notifications',
          'Deep-link notifications to orders',
          'Unsubscribe from marketing pushes in one tap'
        ]
      },
      {
        summary: 'Sign in with passkeys',
        stories: [
          'Create a passkey after sign-in',
          'Sign in with a passkey on iOS',
          'Sign in with a passkey on Android',
          'Fall back to email code'
        ]
      },
      {
        summary: 'Accessibility pass',
        stories: [
          'VoiceOver labels on product cards',
          'Dynamic type on checkout',
          'Colour contrast on buttons',
          'Reduce motion setting respected'
        ]
      },
      {
        summary: 'Order tracking',
        stories: ['Live delivery map', 'Delivery ETA widget', 'Report a missing parcel in app']
      },
      {
        summary: 'App start-up time',
        stories: [
          'Defer analytics SDK init',
          'Cache home feed for cold start',
          'Measure time to interactive in production'
        ]
      },
      {
        summary: 'In-app reviews',
        stories: [
          'Ask for a review after a delivered order',
          'Write a product review with photos',
          'Report an abusive review'
        ]
      },
      {
        summary: 'Tablet layout',
        stories: ['Two-column product list on tablets', 'Landscape checkout', 'Split view support on iPad']
      }
    ],
    bugs: [
      'Crash when rotating on product page',
      'Push tokens not refreshed after reinstall',
      'Dark mode text invisible in cart',
      'Android back button exits checkout',
      'Images blurry on high-DPI tablets',
      'Login loop after password reset'
    ]
  },
  {
    key: 'PLT',
    name: 'Platform',
    lead: DEMO_USERS.alice,
    epics: [
      {
        summary: 'Public API rate limiting',
        stories: [
          'Per-tenant rate limits',
          'Return Retry-After on 429',
          'Rate limit dashboard for support',
          'Burst allowance for batch imports'
        ]
      },
      {
        summary: 'Single sign-on with SAML',
        stories: [
          'Configure a SAML identity provider',
          'Just-in-time user provisioning',
          'Enforce SSO for a domain',
          'SCIM user deprovisioning'
        ]
      },
      {
        summary: 'Audit log export',
        stories: [
          'Export audit log as CSV',
          'Stream audit events to a SIEM',
          'Filter audit log by actor',
          'Retain audit logs for 7 years'
        ]
      },
      {
        summary: 'Data residency in the EU',
        stories: [
          'Pin tenant data to EU region',
          'Migrate an existing tenant to EU',
          'Show data location in admin'
        ]
      },
      {
        summary: 'Webhooks v2',
        stories: [
          'Sign webhook payloads',
          'Retry failed webhooks with backoff',
          'Webhook delivery log',
          'Filter webhook events by type'
        ]
      },
      {
        summary: 'Search relevance',
        stories: ['Typo-tolerant product search', 'Boost in-stock items', 'Synonyms managed by merchants']
      },
      {
        summary: 'Uptime and status page',
        stories: ['Publish incidents automatically', 'Component-level status', 'Subscribe to status by email']
      },
      {
        summary: 'Role-based access control',
        stories: ['Custom roles for staff accounts', 'Read-only finance role', 'Restrict refunds to managers']
      }
    ],
    bugs: [
      'Export times out over 50k rows',
      'SAML assertion clock skew rejects logins',
      'Webhook retries duplicate events',
      'Search returns archived products',
      'Audit log misses API-key actions',
      'Status page shows stale incident'
    ]
  }
];

const SUBTASK_TEMPLATES = [
  'API contract for {s}',
  'UI for {s}',
  'Analytics events for {s}',
  'QA: {s} on Safari and Chrome',
  'Docs: {s}',
  'Feature flag rollout: {s}'
];

const DESCRIPTIONS = [
  'Customers keep raising this in support tickets and renewal calls.',
  'Top request from the last NPS survey verbatims.',
  'Sales lost two deals citing this gap.',
  'Follow-up from the quarterly customer advisory board.',
  'Needed to unblock enterprise onboarding.'
];

const BASE_TIME = Date.UTC(2025, 0, 6, 9, 0, 0);
const DAY = 86_400_000;

/** A level above epics, as Jira Premium's issue type hierarchy adds it. */
const INITIATIVE_TYPE = { id: '10005', name: 'Initiative', hierarchyLevel: 2, subtask: false };

const INITIATIVES: {
  summary: string;
  epics: { summary: string; stories: { summary: string; subtasks: string[] }[] }[];
}[] = [
  {
    summary: 'Checkout conversion program',
    epics: [
      {
        summary: 'Express checkout',
        stories: [
          { summary: 'One-tap pay with a saved card', subtasks: ['Design the one-tap pay button'] },
          { summary: 'Remember the last shipping method', subtasks: [] }
        ]
      },
      {
        summary: 'Fewer declined payments',
        stories: [{ summary: 'Retry soft declines once', subtasks: ['Map soft-decline codes'] }]
      }
    ]
  },
  {
    summary: 'International expansion',
    epics: [
      {
        summary: 'Local payment methods',
        stories: [{ summary: 'Offer iDEAL in the Netherlands', subtasks: ['Test iDEAL redirects'] }]
      }
    ]
  }
];

export function createDemoSeed(options: DemoSeedOptions = {}): JiraSeed {
  const rng = new Prng(options.seed ?? 42);
  const projectCount = Math.max(1, Math.min(THEMES.length, options.projects ?? 3));
  const perProject = Math.max(4, options.issuesPerProject ?? 120);
  const projects: SeedProject[] = [];
  const issues: SeedIssue[] = [];
  let nextIssueId = 10001;
  const assignees = [DEMO_USERS.bob, DEMO_USERS.erin, DEMO_USERS.frank, DEMO_USERS.alice];
  const reporters = [DEMO_USERS.bob, DEMO_USERS.erin, DEMO_USERS.grace, DEMO_USERS.alice, DEMO_USERS.heidi];

  for (const [index, theme] of THEMES.slice(0, projectCount).entries()) {
    const project: SeedProject = {
      id: String(10000 + index),
      key: theme.key,
      name: theme.name,
      projectTypeKey: 'software',
      leadAccountId: theme.lead,
      permissions: {
        BROWSE_PROJECTS: [ADMINS, EDITORS, VIEWERS],
        // The third project's scheme lets reporters edit their own issues.
        EDIT_ISSUES: index === 2 ? [ADMINS, EDITORS, { reporter: true }] : [ADMINS, EDITORS],
        ADMINISTER_PROJECTS: [ADMINS, { user: theme.lead }]
      }
    };
    projects.push(project);
    let number = 0;
    let made = 0;
    // Issues are spread over ~300 days; `updated` is never before `created`.
    const add = (
      partial: Omit<SeedIssue, 'id' | 'key' | 'projectId' | 'created' | 'updated' | 'reporterAccountId'>
    ): SeedIssue => {
      number += 1;
      made += 1;
      const created = BASE_TIME + rng.int(0, 300) * DAY + rng.int(0, 23) * 3_600_000;
      const issue: SeedIssue = {
        id: String(nextIssueId++),
        key: `${theme.key}-${number}`,
        projectId: project.id,
        created: new Date(created).toISOString(),
        updated: new Date(created + rng.int(0, 40) * DAY).toISOString(),
        reporterAccountId: rng.pick(reporters),
        ...partial
      };
      if (rng.chance(0.8)) issue.assigneeAccountId = rng.pick(assignees);
      issues.push(issue);
      return issue;
    };
    const statusFor = (doneBias: number): string => {
      const r = rng.next();
      return r < doneBias ? '10002' : r < doneBias + 0.3 ? '3' : '10000';
    };

    // Walk the themes round by round so every epic gets stories before any gets many.
    let round = 0;
    // Every round adds at least one epic, so this always terminates.
    while (made < perProject) {
      for (const [epicIndex, epicTheme] of theme.epics.entries()) {
        if (made >= perProject) break;
        const version = round === 0 ? '' : ` (phase ${round + 1})`;
        const epic = add({
          issueTypeId: '10000',
          summary: `${epicTheme.summary}${version}`,
          description: rng.pick(DESCRIPTIONS),
          statusId: epicIndex % 4 === 3 ? '10002' : statusFor(0.15)
        });
        const epicDone = epic.statusId === '10002';
        for (const story of epicTheme.stories) {
          if (made >= perProject) break;
          const child = add({
            issueTypeId: rng.chance(0.8) ? '10001' : '10002',
            summary: `${story}${version}`,
            description: rng.pick(DESCRIPTIONS),
            statusId: epicDone ? '10002' : statusFor(0.3),
            parentId: epic.id
          });
          const subtasks = rng.int(0, 3);
          for (let s = 0; s < subtasks && made < perProject; s += 1) {
            add({
              issueTypeId: '10004',
              summary: (SUBTASK_TEMPLATES[(s + epicIndex) % SUBTASK_TEMPLATES.length] ?? '{s}').replace(
                '{s}',
                story.toLowerCase()
              ),
              statusId: child.statusId === '10002' ? '10002' : statusFor(0.35),
              parentId: child.id
            });
          }
        }
        // A bug under the epic now and then, and one without an epic.
        if (made < perProject && rng.chance(0.5)) {
          add({
            issueTypeId: '10003',
            summary: rng.pick(theme.bugs),
            statusId: statusFor(0.4),
            parentId: epic.id
          });
        }
        if (made < perProject && rng.chance(0.4)) {
          add({ issueTypeId: '10003', summary: rng.pick(theme.bugs), statusId: statusFor(0.4) });
        }
      }
      round += 1;
    }

    if (index === 0) {
      // Issue-level security: only trust-and-safety and admins may see these.
      const level = {
        id: '10200',
        name: 'Trust and safety',
        grantees: [{ group: 'trust-and-safety' }, ADMINS]
      };
      add({
        issueTypeId: '10003',
        summary: 'Card-testing attack from a single BIN range',
        description: 'Restricted: details of an ongoing fraud pattern.',
        statusId: '3',
        securityLevel: level
      });
      add({
        issueTypeId: '10001',
        summary: 'Chargeback dispute evidence for a key account',
        description: 'Restricted: customer financial details.',
        statusId: '10000',
        securityLevel: level
      });
    }
  }

  // Appended after the themed projects so their ids and keys stay as they were.
  const at = (day: number): string => new Date(BASE_TIME + day * DAY).toISOString();
  // An issue-level security level without the add-ons role: people cleared for it see
  // the issue, apps do not.
  const first = projects[0]!;
  issues.push({
    id: String(nextIssueId++),
    key: `${first.key}-${issues.filter((i) => i.projectId === first.id).length + 1}`,
    projectId: first.id,
    issueTypeId: '10003',
    summary: 'Data-processing agreement breach under legal review',
    description: 'Restricted: legal hold, no app access.',
    statusId: '3',
    reporterAccountId: DEMO_USERS.alice,
    created: at(200),
    updated: at(201),
    securityLevel: {
      id: '10201',
      name: 'Legal hold',
      grantees: [{ group: 'trust-and-safety' }, ADMINS],
      addonsRoleMember: false
    }
  });
  // A project whose admin took Browse away from the atlassian-addons-project-access
  // role: people work in it as usual, but no app can see it or its issues.
  const legal: SeedProject = {
    id: String(10000 + THEMES.length),
    key: 'LEG',
    name: 'Legal',
    projectTypeKey: 'software',
    leadAccountId: DEMO_USERS.alice,
    permissions: {
      BROWSE_PROJECTS: [ADMINS, EDITORS, VIEWERS],
      EDIT_ISSUES: [ADMINS, EDITORS],
      ADMINISTER_PROJECTS: [ADMINS]
    },
    addonsRoleBrowse: false
  };
  projects.push(legal);
  const legalEpic = String(nextIssueId);
  for (const [n, summary] of [
    'Contract review workflow',
    'Redline a supplier contract',
    'Track renewal dates'
  ].entries()) {
    issues.push({
      id: String(nextIssueId++),
      key: `LEG-${n + 1}`,
      projectId: legal.id,
      issueTypeId: n === 0 ? '10000' : '10001',
      summary,
      statusId: '10000',
      reporterAccountId: DEMO_USERS.alice,
      created: at(100 + n),
      updated: at(100 + n),
      ...(n === 0 ? {} : { parentId: legalEpic })
    });
  }

  // An initiative level above epics in the first project (Jira Premium's hierarchy):
  // two initiatives, each with epics, stories and sub-tasks. Appended last, so every
  // issue above keeps its id and key.
  const nextKey = (): string => `${first.key}-${issues.filter((i) => i.projectId === first.id).length + 1}`;
  const addUnder = (
    issueTypeId: string,
    summary: string,
    parentId: string | undefined,
    day: number
  ): string => {
    const id = String(nextIssueId++);
    issues.push({
      id,
      key: nextKey(),
      projectId: first.id,
      issueTypeId,
      summary,
      statusId: '10000',
      reporterAccountId: DEMO_USERS.bob,
      created: at(day),
      updated: at(day),
      ...(parentId ? { parentId } : {})
    });
    return id;
  };
  for (const [n, initiative] of INITIATIVES.entries()) {
    const initiativeId = addUnder(INITIATIVE_TYPE.id, initiative.summary, undefined, 150 + n);
    for (const epic of initiative.epics) {
      const epicId = addUnder('10000', epic.summary, initiativeId, 151 + n);
      for (const story of epic.stories) {
        const storyId = addUnder('10001', story.summary, epicId, 152 + n);
        for (const subtask of story.subtasks) addUnder('10004', subtask, storyId, 153 + n);
      }
    }
  }

  if (options.now) shipRecently(issues, projects, options.now);

  const jsm = options.serviceDesk
    ? demoServiceDesk(nextIssueId, ADMINS, DEMO_USERS.grace, at, '10000')
    : undefined;
  if (jsm) {
    projects.push(jsm.project);
    issues.push(...jsm.issues);
  }

  return {
    baseUrl: 'https://local-jira.atlassian.net',
    users: [...USERS.map((user) => ({ ...user })), ...(jsm?.users ?? [])],
    groups: [
      ...GROUPS.map((group) => ({ ...group, members: [...group.members] })),
      ...(jsm ? [SERVICE_DESK_AGENTS] : [])
    ],
    globalAdmins: [ADMINS],
    projects,
    issueTypes: [
      { id: '10000', name: 'Epic', hierarchyLevel: 1, subtask: false },
      { id: '10001', name: 'Story', hierarchyLevel: 0, subtask: false },
      { id: '10002', name: 'Task', hierarchyLevel: 0, subtask: false },
      { id: '10003', name: 'Bug', hierarchyLevel: 0, subtask: false },
      { id: '10004', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
      { ...INITIATIVE_TYPE },
      ...(jsm ? [{ ...SERVICE_REQUEST_TYPE }] : [])
    ],
    statuses: [
      { id: '10000', name: 'To Do', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '10001', name: 'In Review', category: 'indeterminate' },
      { id: '10002', name: 'Done', category: 'done' }
    ],
    issues,
    appFields: [{ ...DEMO_APP_FIELD }],
    propertyAliases: [
      // As the app's jira:entityProperty module declares them (manifest.yml).
      { alias: 'customerImpact', propertyKey: 'customer-impact', path: 'score', type: 'number' },
      { alias: 'customerAccounts', propertyKey: 'customer-impact', path: 'accounts', type: 'number' },
      { alias: 'customerArr', propertyKey: 'customer-impact', path: 'arr', type: 'number' },
      { alias: 'customerInsights', propertyKey: 'customer-impact', path: 'insights', type: 'number' }
    ],
    ...(jsm ? { serviceDesks: [jsm.serviceDesk] } : {})
  };
}

/**
 * Marks the first open stories of each product project (in the order they were made)
 * done some days before `now`, with their sub-tasks done an hour earlier: resolved, moved
 * to Done and last updated then, as if the team had just shipped them.
 */
function shipRecently(issues: SeedIssue[], projects: SeedProject[], now: Date): void {
  const product = projects.filter((project) => project.addonsRoleBrowse !== false);
  for (const [index, project] of product.entries()) {
    const open = issues.filter(
      (issue) =>
        issue.projectId === project.id &&
        issue.issueTypeId === '10001' &&
        issue.statusId !== '10002' &&
        !issue.securityLevel
    );
    for (const [n, daysAgo] of (SHIPPED_DAYS_AGO[index % SHIPPED_DAYS_AGO.length] ?? []).entries()) {
      const story = open[n];
      if (!story) continue;
      const doneAt = now.getTime() - daysAgo * DAY;
      for (const subtask of issues.filter((i) => i.parentId === story.id && i.statusId !== '10002'))
        finish(subtask, doneAt - 3_600_000);
      finish(story, doneAt);
    }
  }
}

function finish(issue: SeedIssue, at: number): void {
  // Work done "now" started before it: creation stays on the seed's own timeline.
  const when = new Date(Math.max(at, Date.parse(issue.created))).toISOString();
  issue.statusId = '10002';
  issue.updated = when;
  issue.resolutiondate = when;
  issue.statuscategorychangedate = when;
}
