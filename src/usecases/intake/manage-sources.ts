import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../../domain/errors';
import type { IntakeMapping } from '../../domain/intake/presets';
import { latestIntakeDeliveries, type IntakeDelivery } from '../../storage/intake-delivery-store';
import {
  getIntakeSource,
  listIntakeSources,
  saveIntakeSource,
  setIntakeSecret,
  type IntakeSource
} from '../../storage/intake-source-store';
import type { Actor, Env } from '../actor';

/** A fresh signing secret: 32 random bytes, hex. Shown once, when created or rotated. */
function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Deliveries the admin page lists per source. */
export const DELIVERIES_SHOWN = 10;

/**
 * Creates a source for `projectId` read with `mapping`, and its secret. The answer is
 * the only time the secret is shown: it is kept in Forge's secret storage, which no
 * query returns. The caller is an administrator (the admin page's gate).
 */
export async function createIntakeSource(
  actor: Actor,
  env: Env,
  input: { name: string; projectId: string; mapping: IntakeMapping }
): Promise<{ source: IntakeSource; secret: string }> {
  const now = env.now().toISOString();
  const source: IntakeSource = {
    sourceId: `src-${randomBytes(8).toString('hex')}`,
    name: input.name,
    projectId: input.projectId,
    mapping: input.mapping,
    status: 'active',
    createdAt: now,
    createdBy: actor.accountId,
    updatedAt: now,
    secretSetAt: now
  };
  const secret = newSecret();
  // The secret first: a source whose secret is missing answers 404, never unsigned.
  await setIntakeSecret(source.sourceId, secret);
  await saveIntakeSource(source);
  return { source, secret };
}

/** Replaces a source's secret: requests signed with the old one are refused from now on. */
export async function rotateIntakeSecret(
  env: Env,
  sourceId: string
): Promise<{ source: IntakeSource; secret: string }> {
  const source = await requireSource(sourceId);
  const secret = newSecret();
  await setIntakeSecret(sourceId, secret);
  const next = { ...source, secretSetAt: env.now().toISOString(), updatedAt: env.now().toISOString() };
  await saveIntakeSource(next);
  return { source: next, secret };
}

/** Disables (deliveries answer 404 and store nothing) or enables a source again. */
export async function setIntakeSourceStatus(
  env: Env,
  sourceId: string,
  status: IntakeSource['status']
): Promise<IntakeSource> {
  const source = await requireSource(sourceId);
  const next = { ...source, status, updatedAt: env.now().toISOString() };
  await saveIntakeSource(next);
  return next;
}

/** Every source with its latest deliveries, newest first: the admin page's delivery log. */
export async function intakeOverview(): Promise<{ source: IntakeSource; deliveries: IntakeDelivery[] }[]> {
  const sources = await listIntakeSources();
  return Promise.all(
    sources.map(async (source) => ({
      source,
      deliveries: await latestIntakeDeliveries(source.sourceId, DELIVERIES_SHOWN)
    }))
  );
}

async function requireSource(sourceId: string): Promise<IntakeSource> {
  const source = await getIntakeSource(sourceId);
  if (!source) throw new NotFoundError('No such intake source.');
  return source;
}
