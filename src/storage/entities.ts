/**
 * Entity and index names, exactly as declared in manifest.yml, and the key formats.
 * Every key this app writes is built here, so the character set Forge allows
 * (`[a-zA-Z0-9:._\s#-]`) is checked in one place.
 */
export const ENTITY = {
  insight: 'insight',
  account: 'account',
  link: 'link',
  impact: 'impact',
  searchTerm: 'search-term',
  evidenceGroup: 'evidence-group',
  evidenceCard: 'evidence-card'
} as const;

export const INDEX = {
  insightByProjectCreated: 'by-project-created',
  insightByProjectStatus: 'by-project-status',
  insightByAccount: 'by-account',
  accountByName: 'by-name',
  linkByIssue: 'by-issue',
  linkByInsight: 'by-insight',
  linkByParent: 'by-parent',
  linkByGrandparent: 'by-grandparent',
  linkByProject: 'by-project',
  linkByRootPath: 'by-root-path',
  impactByProjectScore: 'by-project-score',
  impactByProjectBandScore: 'by-project-band-score',
  impactByParent: 'by-parent',
  impactByProjectIssue: 'by-project-issue',
  impactByProjectAccounts: 'by-project-accounts',
  impactByProjectArr: 'by-project-arr',
  impactByProjectNewest: 'by-project-newest',
  searchTermByProject: 'by-project-term',
  groupByIssue: 'by-issue',
  groupByAccount: 'by-account',
  cardByIssueOrder: 'by-issue-order'
} as const;

export const SETTINGS_KEY = 'settings:scoring';
export const PRIVACY_KEY = 'settings:privacy';
/** The installation's secret for account aliases (Forge's encrypted secret store). */
export const ALIAS_SECRET_KEY = 'privacy:alias-secret';

/** A user's cached answer to "may they see customer identity?" (expires: see identity-access). */
export function identityAccessKey(accountId: string): string {
  return `identity-access:${part(accountId.replace(/:/g, '.'), 'account id')}`;
}

/** The groups named contributors and curators of one project (see domain/roles). */
export function projectRolesKey(projectId: string): string {
  return `roles:project:${part(projectId, 'project id')}`;
}

/** A project's value mappings for CSV imports (see domain/import-value-mappings). */
export function importMappingsKey(projectId: string): string {
  return `import-mappings:project:${part(projectId, 'project id')}`;
}

/** Whether a project tells service requests when work ships (see domain/loop-closing). */
export function loopClosingSettingKey(projectId: string): string {
  return `loop-closing:project:${part(projectId, 'project id')}`;
}

/** The service requests told that one issue shipped, by request (see domain/loop-closing). */
export function toldRequestsKey(issueId: string): string {
  return `told-requests:issue:${part(issueId, 'issue id')}`;
}

/** A user's cached answer to "may they browse this issue?" (expires: see issue-access). */
export function issueAccessKey(accountId: string, issueId: string): string {
  return `issue-access:${part(accountId.replace(/:/g, '.'), 'account id')}:${part(issueId, 'issue id')}`;
}

/** A deleted insight kept for its undo (expires: see insight-trash-store). */
export function insightTrashKey(insightId: string): string {
  return `insight-trash:${part(insightId, 'insight id')}`;
}

/** The per-installation secret that keys import ids, kept in secret storage. */
export const INSTALLATION_SECRET_KEY = 'installation-secret';

/** Forge KVS limits that shape how this app reads and writes. */
export const KVS_LIMITS = {
  batchItems: 25,
  transactionOps: 25,
  pageSize: 100
} as const;

const KEY_PART = /^[A-Za-z0-9._-]+$/;

function part(value: string, what: string): string {
  if (!KEY_PART.test(value)) throw new Error(`Unsafe ${what} for a storage key: ${JSON.stringify(value)}`);
  return value;
}

/** A link is identified by its issue and insight: linking twice is idempotent. */
export function linkKey(issueId: string, insightId: string): string {
  return `${part(issueId, 'issue id')}:${part(insightId, 'insight id')}`;
}

/** The panel's lists of an issue's impact, stored beside its rank row (see records). */
export function impactViewKey(issueId: string): string {
  return `impact-view:${part(issueId, 'issue id')}`;
}

/** An issue's evidence group: `anon:<insight>` groups are stored as `anon.<insight>`. */
export function groupKey(issueId: string, group: string): string {
  return `${part(issueId, 'issue id')}:${part(group.replace(/^anon:/, 'anon.'), 'group')}`;
}

export function entityKey(id: string, what: string): string {
  return part(id, what);
}
