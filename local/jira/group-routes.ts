import type { JiraPrincipal } from '../host/services';
import { ok, queryList } from './jira-errors';
import { PERMISSION_CATALOG } from './permission-catalog';
import type { RouteDefinition } from './router';
import type { SiteContext } from './site-context';

/**
 * Jira's `jira.ajax.autocomplete.limit` default: the most groups one picker answer holds,
 * whatever `maxResults` asks for.
 */
const AUTOCOMPLETE_LIMIT = 20;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The name with every occurrence of the query in bold, as the picker's `html` field shows it. */
function highlighted(name: string, query: string, caseInsensitive: boolean): string {
  if (query === '') return escapeHtml(name);
  const haystack = caseInsensitive ? name.toLowerCase() : name;
  const needle = caseInsensitive ? query.toLowerCase() : query;
  let html = '';
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, from)) {
    html += `${escapeHtml(name.slice(from, at))}<b>${escapeHtml(name.slice(at, at + needle.length))}</b>`;
    from = at + needle.length;
  }
  return html + escapeHtml(name.slice(from));
}

/**
 * "Find groups" (`GET /groups/picker`, operation `findGroups`), as documented: groups whose
 * names contain the query, sorted, wrapped with a "Showing X of Y" header. Anonymous
 * callers and users who may browse no project get an empty list (not an error); without
 * "Browse users and groups" only a group named exactly as the query is found.
 */
export function groupRoutes({ state, permissions }: SiteContext): RouteDefinition[] {
  const browsesAnyProject = (principal: JiraPrincipal): boolean => {
    const browse = PERMISSION_CATALOG.get('BROWSE_PROJECTS');
    return (
      browse !== undefined &&
      [...state.projects.values()].some((project) => permissions.hasProject(principal, project, browse))
    );
  };
  const mayBrowseGroups = (principal: JiraPrincipal): boolean => {
    const picker = PERMISSION_CATALOG.get('USER_PICKER');
    return picker !== undefined && permissions.hasGlobal(principal, picker);
  };

  return [
    {
      method: 'GET',
      template: '/rest/api/3/groups/picker',
      handler: ({ principal, query }) => {
        const text = query.get('query') ?? '';
        const caseInsensitive = query.get('caseInsensitive') === 'true';
        const requested = Number(query.get('maxResults') ?? AUTOCOMPLETE_LIMIT);
        const limit = Math.min(
          AUTOCOMPLETE_LIMIT,
          Number.isInteger(requested) && requested >= 0 ? requested : AUTOCOMPLETE_LIMIT
        );
        const excluded = new Set(queryList(query, 'exclude'));
        const excludedIds = new Set(queryList(query, 'excludeId'));
        const fold = (s: string): string => (caseInsensitive ? s.toLowerCase() : s);
        const exactOnly = !mayBrowseGroups(principal);
        const matches =
          principal.kind === 'anonymous' || !browsesAnyProject(principal)
            ? []
            : [...state.groups.values()]
                .filter((group) => !excluded.has(group.name) && !excludedIds.has(group.groupId))
                .filter((group) =>
                  exactOnly ? fold(group.name) === fold(text) : fold(group.name).includes(fold(text))
                )
                .sort((a, b) => a.name.localeCompare(b.name));
        const shown = matches.slice(0, limit);
        return ok({
          header: `Showing ${shown.length} of ${matches.length} matching groups`,
          total: matches.length,
          groups: shown.map((group) => ({
            name: group.name,
            groupId: group.groupId,
            html: highlighted(group.name, text, caseInsensitive)
          }))
        });
      }
    }
  ];
}
