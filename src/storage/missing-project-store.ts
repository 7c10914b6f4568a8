import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { guarded } from './kvs-failure';

/**
 * Projects the daily run found gone, with when it first did: evidence is removed only
 * once a project has stayed gone for a grace period, because a 404 also answers an app
 * whose access was taken away (perhaps for a day). Written by the daily run only.
 */
const KEY = 'projects:missing-since';
const RecordSchema = z.record(z.string(), z.string());

export async function getMissingProjects(): Promise<Record<string, string>> {
  const parsed = RecordSchema.safeParse(await guarded(() => kvs.get<unknown>(KEY)));
  return parsed.success ? parsed.data : {};
}

export async function saveMissingProjects(missing: Record<string, string>): Promise<void> {
  if (Object.keys(missing).length === 0) await guarded(() => kvs.delete(KEY));
  else await guarded(() => kvs.set(KEY, missing));
}
