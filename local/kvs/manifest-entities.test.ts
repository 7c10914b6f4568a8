import { join } from 'node:path';
import { KvsEngine } from './kvs-engine';
import { loadEntityDefinitions, parseEntityDefinitions } from './manifest-entities';

const manifest = (entities: unknown[]) => ({ app: { storage: { entities } } });

describe('loadEntityDefinitions', () => {
  it("reads the app's manifest into typed definitions the engine accepts", () => {
    const entities = loadEntityDefinitions(join(__dirname, '..', '..', 'manifest.yml'));
    expect(entities.length).toBeGreaterThan(0);
    for (const entity of entities) {
      for (const index of entity.indexes) {
        expect(Array.isArray(index.partition)).toBe(true);
        for (const attribute of [...index.partition, ...(index.range ? [index.range] : [])]) {
          expect(entity.attributes[attribute]).toBeDefined();
        }
      }
    }
    new KvsEngine({ entities }).close();
  });

  it('normalises a simple index to a range over its attribute, and both forms of range', () => {
    const [entity] = parseEntityDefinitions(
      manifest([
        {
          name: 'employee',
          attributes: { age: { type: 'integer' }, gender: { type: 'string' }, surname: { type: 'string' } },
          indexes: [
            'surname',
            { name: 'by-age', range: ['age'] },
            { name: 'by-gender-age', partition: ['gender'], range: 'age' },
            { name: 'by-gender', partition: ['gender'] }
          ]
        }
      ])
    );
    expect(entity).toEqual({
      name: 'employee',
      attributes: { age: 'integer', gender: 'string', surname: 'string' },
      indexes: [
        { name: 'surname', partition: [], range: 'surname' },
        { name: 'by-age', partition: [], range: 'age' },
        { name: 'by-gender-age', partition: ['gender'], range: 'age' },
        { name: 'by-gender', partition: ['gender'] }
      ]
    });
  });

  it('refuses an index over an undeclared or any-typed attribute, and unknown types', () => {
    const entity = (indexes: unknown[], type = 'any') =>
      manifest([{ name: 'thing', attributes: { a: { type } }, indexes }]);
    expect(() => parseEntityDefinitions(entity(['missing']))).toThrow(/undeclared attribute missing/);
    expect(() => parseEntityDefinitions(entity(['a']))).toThrow(/type any/);
    expect(() => parseEntityDefinitions(entity([], 'date'))).toThrow();
  });
});
