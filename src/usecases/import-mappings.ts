import type { SavedImportMappings } from '../domain/import-value-mappings';
import {
  getImportMappings as readMappings,
  saveImportMappings as writeMappings
} from '../storage/import-mappings-store';

/** The value mappings the project's last import saved, offered on its next one. */
export async function getImportMappings(projectId: string): Promise<SavedImportMappings | null> {
  return readMappings(projectId);
}

/**
 * Replaces the project's saved value mappings (already checked by the payload schema,
 * which caps their size). Last save wins: they are a convenience for the next import,
 * not evidence, so two people importing at once need no merge.
 */
export async function saveImportMappings(
  projectId: string,
  mappings: SavedImportMappings
): Promise<SavedImportMappings> {
  await writeMappings(projectId, mappings);
  return mappings;
}
