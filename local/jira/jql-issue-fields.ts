import type { JiraPrincipal } from '../host/services';
import type { JiraState } from './jira-state';
import {
  EQUALITY_OPERATORS,
  JqlEngine,
  ORDERED_OPERATORS,
  TEXT_OPERATORS,
  type JqlField,
  type JqlTerm,
  type JqlValue
} from './jql-engine';
import { JqlError } from './jql-parser';
import type { Permissions } from './permissions';
import type { SeedIssue, SeedPropertyAlias, StatusCategoryKey } from './seed';

/**
 * The JQL fields of the local site, bound to the searching principal: operands that
 * name an issue the user cannot see fail exactly like ones that do not exist, so a
 * search never reveals hidden issues. App custom fields and entity-property aliases
 * are registered from the seed.
 */
const CATEGORY_ALIASES: Record<string, StatusCategoryKey> = {
  new: 'new',
  'to do': 'new',
  '2': 'new',
  indeterminate: 'indeterminate',
  'in progress': 'indeterminate',
  '4': 'indeterminate',
  done: 'done',
  '3': 'done'
};
const CATEGORY_ORDER: Record<StatusCategoryKey, number> = { new: 0, indeterminate: 1, done: 2 };

function literal(term: JqlTerm, field: string): string {
  if (term.kind === 'function') {
    throw new JqlError(
      `Unable to find JQL function '${term.name}(${term.args.join(', ')})' for field '${field}'.`
    );
  }
  return term.text;
}

function doesNotExist(value: string, field: string): JqlError {
  return new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
}

const PERIOD = /^([-+]?)\s*((?:\d+\s*[wdhm]\s*)+)$/i;

/** Jira's date operands: `2025-01-31`, `2025/01/31 14:00`, periods like `-7d`, `now()`. */
export function parseJqlDate(term: JqlTerm, field: string, now: number): number {
  if (term.kind === 'function') {
    if (term.name.toLowerCase() === 'now') return now;
    literal(term, field);
  }
  const text = (term.kind === 'value' ? term.text : '').trim();
  const period = PERIOD.exec(text);
  if (period) {
    const units: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
    let ms = 0;
    for (const part of (period[2] ?? '').matchAll(/(\d+)\s*([wdhm])/gi)) {
      ms += Number(part[1]) * (units[(part[2] ?? 'd').toLowerCase()] ?? 0);
    }
    return period[1] === '-' ? now - ms : now + ms;
  }
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
  }
  throw new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`
  );
}

function pathValue(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function createIssueJql(
  state: JiraState,
  permissions: Permissions,
  principal: JiraPrincipal
): JqlEngine<SeedIssue> {
  const now = Date.now();
  const engine = new JqlEngine<SeedIssue>((a, b) => Number(b.id) - Number(a.id));

  const issueRef = (
    name: string,
    valueOf: (issue: SeedIssue) => string | undefined,
    sort?: (issue: SeedIssue) => JqlValue
  ): JqlField<SeedIssue> => ({
    name,
    operators: EQUALITY_OPERATORS,
    values: (issue) => {
      const value = valueOf(issue);
      return value === undefined ? [] : [value];
    },
    resolve: (term) => {
      const text = literal(term, name);
      const issue = state.findIssue(text);
      if (!issue || !permissions.canBrowseIssue(principal, issue)) {
        throw new JqlError(`An issue with key '${text}' does not exist for field '${name}'.`);
      }
      return [issue.id];
    },
    ...(sort ? { sortKey: sort } : {})
  });
  for (const name of ['issuekey', 'key', 'id']) {
    engine.register(
      [name],
      issueRef(name, (issue) => issue.id, name === 'id' ? (issue) => Number(issue.id) : (issue) => issue.key)
    );
  }
  engine.register(
    ['parent'],
    issueRef('parent', (issue) => issue.parentId)
  );

  engine.register(['project'], {
    name: 'project',
    operators: EQUALITY_OPERATORS,
    values: (issue) => [issue.projectId],
    resolve: (term) => {
      const text = literal(term, 'project');
      const project =
        state.findProject(text) ??
        [...state.projects.values()].find((p) => p.name.toLowerCase() === text.toLowerCase());
      if (!project || !permissions.canBrowseProject(principal, project)) throw doesNotExist(text, 'project');
      return [project.id];
    },
    sortKey: (issue) => state.projects.get(issue.projectId)?.key ?? ''
  });

  engine.register(['issuetype', 'type'], {
    name: 'issuetype',
    operators: EQUALITY_OPERATORS,
    values: (issue) => [issue.issueTypeId],
    resolve: (term) => {
      const types = [...state.issueTypes.values()];
      if (term.kind === 'function') {
        const fn = term.name.toLowerCase();
        if (fn === 'standardissuetypes') return types.filter((t) => !t.subtask).map((t) => t.id);
        if (fn === 'subtaskissuetypes') return types.filter((t) => t.subtask).map((t) => t.id);
      }
      const text = literal(term, 'issuetype');
      const found = types.filter((t) => t.id === text || t.name.toLowerCase() === text.toLowerCase());
      if (found.length === 0) throw doesNotExist(text, 'issuetype');
      return found.map((t) => t.id);
    },
    sortKey: (issue) => state.issueTypes.get(issue.issueTypeId)?.name ?? ''
  });

  engine.register(['status'], {
    name: 'status',
    operators: EQUALITY_OPERATORS,
    values: (issue) => [issue.statusId],
    resolve: (term) => {
      const text = literal(term, 'status');
      const found = [...state.statuses.values()].filter(
        (s) => s.id === text || s.name.toLowerCase() === text.toLowerCase()
      );
      if (found.length === 0) throw doesNotExist(text, 'status');
      return found.map((s) => s.id);
    },
    sortKey: (issue) => {
      const status = state.statuses.get(issue.statusId);
      return status ? CATEGORY_ORDER[status.category] : undefined;
    }
  });

  engine.register(['statuscategory', 'category'], {
    name: 'statusCategory',
    operators: EQUALITY_OPERATORS,
    values: (issue) => {
      const status = state.statuses.get(issue.statusId);
      return status ? [status.category] : [];
    },
    resolve: (term) => {
      const text = literal(term, 'statusCategory');
      const key = CATEGORY_ALIASES[text.toLowerCase()];
      if (!key) throw doesNotExist(text, 'statusCategory');
      return [key];
    },
    sortKey: (issue) => {
      const status = state.statuses.get(issue.statusId);
      return status ? CATEGORY_ORDER[status.category] : undefined;
    }
  });

  engine.register(['summary'], {
    name: 'summary',
    operators: TEXT_OPERATORS,
    values: (issue) => [issue.summary],
    resolve: (term) => [literal(term, 'summary')],
    sortKey: (issue) => issue.summary
  });
  engine.register(['description'], {
    name: 'description',
    operators: TEXT_OPERATORS,
    values: (issue) => (issue.description ? [issue.description] : []),
    resolve: (term) => [literal(term, 'description')]
  });
  engine.register(['text'], {
    name: 'text',
    operators: ['~'],
    values: (issue) => [issue.summary, issue.description ?? ''],
    resolve: (term) => [literal(term, 'text')]
  });

  const userField = (
    name: string,
    valueOf: (issue: SeedIssue) => string | undefined
  ): JqlField<SeedIssue> => ({
    name,
    operators: EQUALITY_OPERATORS,
    values: (issue) => {
      const value = valueOf(issue);
      return value === undefined ? [] : [value];
    },
    resolve: (term) => {
      if (term.kind === 'function' && term.name.toLowerCase() === 'currentuser') {
        return principal.kind === 'user' ? [principal.accountId] : [];
      }
      const text = literal(term, name);
      if (!state.users.has(text)) throw doesNotExist(text, name);
      return [text];
    },
    sortKey: (issue) => {
      const accountId = valueOf(issue);
      return accountId ? state.users.get(accountId)?.displayName : undefined;
    }
  });
  engine.register(
    ['assignee'],
    userField('assignee', (issue) => issue.assigneeAccountId)
  );
  engine.register(
    ['reporter'],
    userField('reporter', (issue) => issue.reporterAccountId)
  );

  const dateField = (name: string, valueOf: (issue: SeedIssue) => string): JqlField<SeedIssue> => ({
    name,
    operators: ORDERED_OPERATORS,
    values: (issue) => [Date.parse(valueOf(issue))],
    resolve: (term) => [parseJqlDate(term, name, now)],
    sortKey: (issue) => Date.parse(valueOf(issue))
  });
  engine.register(
    ['created', 'createddate'],
    dateField('created', (issue) => issue.created)
  );
  engine.register(
    ['updated', 'updateddate'],
    dateField('updated', (issue) => issue.updated)
  );
  engine.register(['resolved', 'resolutiondate'], {
    name: 'resolved',
    operators: ORDERED_OPERATORS,
    values: (issue) => (issue.resolutiondate ? [Date.parse(issue.resolutiondate)] : []),
    resolve: (term) => [parseJqlDate(term, 'resolved', now)],
    sortKey: (issue) => (issue.resolutiondate ? Date.parse(issue.resolutiondate) : undefined)
  });

  for (const field of state.appFields) {
    const number = /^customfield_(\d+)$/.exec(field.id)?.[1] ?? field.id;
    const valueOf = (issue: SeedIssue): JqlValue | undefined => {
      const value = state.appFieldValue(field.id, issue.id);
      return typeof value === 'number' || typeof value === 'string' ? value : undefined;
    };
    engine.register([field.id, `cf[${number}]`, field.name], {
      name: field.name,
      operators: field.type === 'number' ? ORDERED_OPERATORS : [...TEXT_OPERATORS, ...EQUALITY_OPERATORS],
      values: (issue) => {
        const value = valueOf(issue);
        return value === undefined ? [] : [value];
      },
      resolve: (term) => {
        const text = literal(term, field.name);
        if (field.type === 'number' && !Number.isFinite(Number(text))) {
          throw new JqlError(`The value '${text}' is not a valid number for the field '${field.name}'.`);
        }
        return [field.type === 'number' ? Number(text) : text];
      },
      sortKey: valueOf
    });
  }

  for (const alias of state.propertyAliases)
    engine.register([alias.alias], propertyAliasField(state, alias, now));
  return engine;
}

/** An indexed entity property exposed to JQL under its `searchAlias`. */
function propertyAliasField(state: JiraState, alias: SeedPropertyAlias, now: number): JqlField<SeedIssue> {
  const valueOf = (issue: SeedIssue): JqlValue | undefined => {
    const value = pathValue(state.property(issue.id, alias.propertyKey), alias.path);
    if (alias.type === 'number') return typeof value === 'number' ? value : undefined;
    if (alias.type === 'date')
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  return {
    name: alias.alias,
    operators: alias.type === 'string' ? [...EQUALITY_OPERATORS, '~', '!~'] : ORDERED_OPERATORS,
    values: (issue) => {
      const value = valueOf(issue);
      return value === undefined ? [] : [value];
    },
    resolve: (term) => {
      if (alias.type === 'date') return [parseJqlDate(term, alias.alias, now)];
      const text = literal(term, alias.alias);
      if (alias.type === 'number') {
        if (!Number.isFinite(Number(text)))
          throw new JqlError(`The value '${text}' is not a valid number for the field '${alias.alias}'.`);
        return [Number(text)];
      }
      return [text];
    },
    sortKey: valueOf
  };
}
