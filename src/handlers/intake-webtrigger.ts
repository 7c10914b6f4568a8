import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, BusyError, UpstreamError } from '../domain/errors';
import type { Env } from '../usecases/actor';
import { deliveryStatus } from '../usecases/intake/delivery-status';
import { answer, NO_SOURCE, type IntakeAnswer } from '../usecases/intake/intake-answer';
import type { IntakeRequest } from '../usecases/intake/intake-request';
import { receiveDelivery } from '../usecases/intake/receive-delivery';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../usecases/intake/signature';

/** Seconds a sender is asked to wait when storage is throttling the app. */
const BUSY_RETRY_SECONDS = 60;

/**
 * A web trigger request as Forge passes it (web trigger events reference): the body as
 * a string, each header as an array of values, and `userPath`, the path after the
 * trigger's own URL. Loose: Forge may add properties.
 */
const WebTriggerRequestSchema = z.looseObject({
  method: z.string(),
  body: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  path: z.string().optional(),
  userPath: z.string().optional()
});

/** What Forge turns into the HTTP response (a `dynamic` web trigger response). */
export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

/**
 * The evidence intake web trigger. No user is behind a request: what authorises it is
 * the signature of the source it names, and the source decides the project. Routes:
 * `POST <url>/<sourceId>` delivers items, `GET <url>/<sourceId>/deliveries/<id>` reports
 * a delivery. Every answer is JSON; nothing is stored unless the answer is 202.
 */
export async function intakeWebTrigger(event: unknown, _context: unknown): Promise<WebTriggerResponse> {
  const parsed = WebTriggerRequestSchema.safeParse(event);
  if (!parsed.success) return respond(answer(400, { error: 'BAD_REQUEST', message: 'Malformed request.' }));
  const request = parsed.data;
  const segments = (request.userPath ?? '').split('/').filter((s) => s.length > 0);
  const header = (name: string): string | undefined => headerOf(request.headers, name);
  const base: Omit<IntakeRequest, 'sourceId'> = {
    rawBody: request.body ?? '',
    timestamp: header(TIMESTAMP_HEADER),
    signature: header(SIGNATURE_HEADER)
  };
  const env: Env = { now: () => new Date(), newId: () => randomUUID() };
  try {
    if (segments.length === 1 && request.method === 'POST') {
      return respond(await receiveDelivery({ ...base, sourceId: segments[0] }, env));
    }
    if (segments.length === 3 && segments[1] === 'deliveries' && request.method === 'GET') {
      return respond(
        await deliveryStatus({ ...base, sourceId: segments[0], deliveryId: segments[2] ?? '' }, env)
      );
    }
    if (segments.length === 1 || segments.length === 3) {
      return respond(answer(405, { error: 'METHOD_NOT_ALLOWED', message: 'POST items; GET a delivery.' }));
    }
    return respond(NO_SOURCE);
  } catch (error) {
    if (error instanceof BusyError || error instanceof UpstreamError) {
      return respond(answer(503, { error: error.code, message: error.message }), {
        'Retry-After': [String(BUSY_RETRY_SECONDS)]
      });
    }
    if (error instanceof AppError) {
      return respond(answer(400, { error: error.code, message: error.message }));
    }
    throw error;
  }
}

function headerOf(headers: Record<string, string[]> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, values] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return values[0];
  }
  return undefined;
}

function respond(result: IntakeAnswer, extra: Record<string, string[]> = {}): WebTriggerResponse {
  return {
    statusCode: result.statusCode,
    headers: { 'Content-Type': ['application/json'], ...extra },
    body: JSON.stringify(result.body)
  };
}
