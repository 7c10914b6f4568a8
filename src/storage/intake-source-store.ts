import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { IntakeMappingSchema } from '../domain/intake/presets';
import { entityKey } from './entities';
import { guarded } from './kvs-failure';
import { readAllPages } from './read-all-pages';

/**
 * An intake source: where a support tool's webhook delivers evidence. The project its
 * insights land in is part of the source, never of a request. Its signing secret is
 * kept apart, in Forge's secret storage (encrypted, never returned by a query).
 */
export const IntakeSourceSchema = z.object({
  sourceId: z.string(),
  name: z.string(),
  projectId: z.string(),
  mapping: IntakeMappingSchema,
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** When the secret was last set: the admin page shows it, the secret itself never again. */
  secretSetAt: z.string()
});
export type IntakeSource = z.output<typeof IntakeSourceSchema>;

const PREFIX = 'intake-source:';
const sourceKey = (sourceId: string): string => `${PREFIX}${entityKey(sourceId, 'source id')}`;
const secretKey = (sourceId: string): string => `intake-secret:${entityKey(sourceId, 'source id')}`;

/** A source, or none for an unknown id (or a record this version cannot read). */
export async function getIntakeSource(sourceId: string): Promise<IntakeSource | undefined> {
  const stored = await guarded(() => kvs.get<unknown>(sourceKey(sourceId)));
  const parsed = IntakeSourceSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function saveIntakeSource(source: IntakeSource): Promise<void> {
  await guarded(() => kvs.set(sourceKey(source.sourceId), source));
}

/** Every source of the site, in id order. */
export async function listIntakeSources(): Promise<IntakeSource[]> {
  const rows = await readAllPages((cursor) =>
    guarded(() => {
      const query = kvs.query().where('key', WhereConditions.beginsWith(PREFIX)).limit(100);
      return (cursor ? query.cursor(cursor) : query).getMany<unknown>();
    })
  );
  return rows.flatMap((row) => {
    const parsed = IntakeSourceSchema.safeParse(row.value);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function getIntakeSecret(sourceId: string): Promise<string | undefined> {
  const stored = await guarded(() => kvs.getSecret<unknown>(secretKey(sourceId)));
  return typeof stored === 'string' ? stored : undefined;
}

export async function setIntakeSecret(sourceId: string, secret: string): Promise<void> {
  await guarded(() => kvs.setSecret(secretKey(sourceId), secret));
}
