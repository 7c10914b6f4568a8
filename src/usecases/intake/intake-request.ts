import { z } from 'zod';
import { getIntakeSecret, getIntakeSource, type IntakeSource } from '../../storage/intake-source-store';
import type { Env } from '../actor';
import { NO_SOURCE, UNAUTHORISED, type IntakeAnswer } from './intake-answer';
import { verifyIntakeSignature } from './signature';

/** What the web trigger hands the use cases: the request's parts that matter, already parsed. */
export interface IntakeRequest {
  sourceId: string | undefined;
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
}

export const SourceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * The source a request names, if it exists, is enabled and the request carries its
 * signature; otherwise the answer to give (404 or 401). Nothing is written either way.
 */
export async function authenticate(
  request: IntakeRequest,
  env: Env
): Promise<{ source: IntakeSource } | { refused: IntakeAnswer }> {
  const sourceId = SourceIdSchema.safeParse(request.sourceId);
  if (!sourceId.success) return { refused: NO_SOURCE };
  const [source, secret] = await Promise.all([
    getIntakeSource(sourceId.data),
    getIntakeSecret(sourceId.data)
  ]);
  if (!source || source.status !== 'active' || secret === undefined) return { refused: NO_SOURCE };
  const check = verifyIntakeSignature({
    secret,
    timestamp: request.timestamp,
    signature: request.signature,
    rawBody: request.rawBody,
    now: env.now()
  });
  return check.ok ? { source } : { refused: UNAUTHORISED };
}
