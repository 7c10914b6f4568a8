import { JSM_SEVERITY } from '../domain/intake/jsm';
import type { SavedImportMappings } from '../domain/import-value-mappings';
import { SeveritySchema, type Severity } from '../domain/vocabulary';

/**
 * The severity a request's priority maps to: the project's saved import mapping for
 * severity when it names that priority (what the project chose for its JSM exports),
 * otherwise the JSM preset's default (Highest → critical … Lowest → low). A mapping to
 * "leave empty" or "skip" says nothing about one request, so the default applies.
 */
export function severityOfPriority(
  priority: string | undefined,
  saved: SavedImportMappings | null
): { severity: Severity; from: 'project' | 'preset' | 'none' } {
  if (priority === undefined) return { severity: 'medium', from: 'none' };
  const value = priority.trim().toLowerCase();
  const mapped = SeveritySchema.safeParse(saved?.values.severity[value]);
  if (mapped.success) return { severity: mapped.data, from: 'project' };
  const preset = JSM_SEVERITY[value];
  return preset ? { severity: preset, from: 'preset' } : { severity: 'medium', from: 'none' };
}
