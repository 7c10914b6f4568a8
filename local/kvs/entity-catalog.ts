import { kvsErrors } from './kvs-errors';
import type { EntityDefinition } from './manifest-entities';

/**
 * Looks up the entity a request names: first its name against the documented entity-name
 * rules (handling-errors-customentities), then against the manifest's declarations.
 */
const ENTITY_NAME = /^(?![.-])(?!.*\.{2})[a-z0-9:\-._]*(?<!\.)$/;

export class EntityCatalog {
  private readonly byName: Map<string, EntityDefinition>;

  constructor(readonly definitions: readonly EntityDefinition[]) {
    this.byName = new Map(definitions.map((definition) => [definition.name, definition]));
  }

  resolve(name: string): EntityDefinition {
    if (name.length < 3) throw kvsErrors.entityTypeTooShort();
    if (name.length > 60) throw kvsErrors.entityTypeTooLarge();
    if (!ENTITY_NAME.test(name)) throw kvsErrors.invalidEntityType(name);
    const definition = this.byName.get(name);
    if (!definition) throw kvsErrors.schemaNotFound(name);
    return definition;
  }
}
