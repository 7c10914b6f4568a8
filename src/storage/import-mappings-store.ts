import { kvs } from '@forge/kvs';
import { SavedImportMappingsSchema, type SavedImportMappings } from '../domain/import-value-mappings';
import { importMappingsKey } from './entities';
import { guarded } from './kvs-failure';

/**
 * A project's import value mappings: one small value per project, replaced whole on
 * save (the page sends the saved mappings merged with the file's, so the last save
 * holds both). None until the project's first import saves some.
 */
export async function getImportMappings(projectId: string): Promise<SavedImportMappings | null> {
  const stored = await guarded(() => kvs.get<unknown>(importMappingsKey(projectId)));
  if (stored === undefined) return null;
  // Saved by an older version with other vocabularies: start over rather than fail every import.
  const parsed = SavedImportMappingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function saveImportMappings(projectId: string, mappings: SavedImportMappings): Promise<void> {
  await guarded(() => kvs.set(importMappingsKey(projectId), mappings));
}
