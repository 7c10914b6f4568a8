import { jiraError } from './jira-errors';
import { APP_ACCOUNT_ID, type ChangelogItem } from './product-events';
import type { RouteDefinition } from './router';
import type { SiteContext } from './site-context';

/**
 * `PUT /rest/api/3/app/field/{fieldIdOrKey}/value`: only the app that declared the
 * field may set it. The update is all-or-nothing, as a bad issue id or a value of the
 * wrong type is a 400 for the whole request. With `generateChangelog` (true unless the
 * query says `false`), each changed issue gets a history entry, a new `updated` stamp
 * and an issue-updated event by the app, which reaches every other listener (the docs
 * are silent on the stamp and the event; the stricter reading is taken).
 */
export function appFieldRoutes({ state, recordUpdate }: SiteContext): RouteDefinition[] {
  return [
    {
      method: 'PUT',
      template: '/rest/api/3/app/field/{fieldIdOrKey}/value',
      handler: ({ principal, body, query }, params) => {
        if (principal.kind !== 'app') {
          return jiraError(403, ['Only the app that provided the field can update its values.']);
        }
        const field = state.findAppField(params.fieldIdOrKey ?? '');
        if (!field) return jiraError(404, [`The custom field '${params.fieldIdOrKey ?? ''}' was not found.`]);
        const updates = (body as { updates?: unknown } | undefined)?.updates;
        if (!Array.isArray(updates)) return jiraError(400, ['The request must contain a list of updates.']);

        const planned: { issueId: string; value: unknown }[] = [];
        const missing: string[] = [];
        for (const update of updates as unknown[]) {
          const { issueIds, value } = (update ?? {}) as { issueIds?: unknown; value?: unknown };
          if (!Array.isArray(issueIds) || value === undefined) {
            return jiraError(400, ['Each update needs issueIds and a value.']);
          }
          const typeOk =
            value === null ||
            (field.type === 'number'
              ? typeof value === 'number' && Number.isFinite(value)
              : typeof value === 'string' && value.length <= 255);
          if (!typeOk)
            return jiraError(400, [], { [field.id]: `The value must be a ${field.type} or null.` });
          for (const id of issueIds as unknown[]) {
            const issueId = String(id);
            if (!state.issues.has(issueId)) missing.push(issueId);
            else planned.push({ issueId, value });
          }
        }
        if (missing.length > 0)
          return jiraError(400, [`Issues with these IDs were not found: ${missing.join(', ')}.`]);

        let values = state.appFieldValues.get(field.id);
        if (!values) {
          values = new Map();
          state.appFieldValues.set(field.id, values);
        }
        const changelog = query.get('generateChangelog') !== 'false';
        for (const { issueId, value } of planned) {
          const before = values.get(issueId);
          if (value === null) values.delete(issueId);
          else values.set(issueId, value);
          const issue = state.issues.get(issueId);
          if (!changelog || !issue || (before ?? null) === value) continue;
          const text = (v: unknown): string | null =>
            typeof v === 'number' || typeof v === 'string' ? String(v) : null;
          const item: ChangelogItem = {
            field: field.name,
            fieldtype: 'custom',
            fieldId: field.id,
            from: null,
            fromString: text(before),
            to: null,
            toString: text(value)
          };
          recordUpdate(issue, [item], APP_ACCOUNT_ID);
        }
        return { status: 204 };
      }
    }
  ];
}
