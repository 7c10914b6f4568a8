import Resolver, { type Request } from '@forge/resolver';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../domain/errors';
import { parseWith } from '../domain/parse';
import type { Result } from '../contract/result';
import type { Env } from '../usecases/actor';
import { identityAllowed, redactionFor, type Redaction } from '../usecases/identity-access';
import { trustedContext, type TrustedContext } from './trusted-context';
import { underGate, type SurfaceGates } from './endpoint-gates';

interface Endpoint {
  payload: z.ZodType;
  result: unknown;
}

export type SurfaceHandlers<C extends Record<string, Endpoint>> = {
  [K in keyof C]: (
    payload: z.output<C[K]['payload']>,
    context: TrustedContext,
    env: Env
  ) => Promise<C[K]['result']>;
};

/**
 * Per endpoint, how its answer is masked for a user who may not see customer identity
 * and revenue: a redactor (the user's access is checked before answering), or the
 * reason it needs none. Every endpoint must be listed, so a new one cannot leak by
 * being forgotten.
 */
export type RedactionRule<R> =
  | ((value: R, redaction: Redaction) => R)
  /** The answer carries no account, name or revenue. */
  | 'no-identity'
  /** The use case masks its own answer (its privacy check rides in its storage read). */
  | 'masked-by-use-case';

export type SurfaceRedactors<C extends Record<string, Endpoint>> = {
  [K in keyof C]: RedactionRule<C[K]['result']>;
};

/** Time and ids for one invocation; created per call, never shared between users. */
function invocationEnv(): Env {
  return { now: () => new Date(), newId: () => randomUUID() };
}

/**
 * Builds one UI surface's resolver from its contract: every call parses its payload
 * with the contract's schema, reads the trusted context, passes the endpoint's declared
 * gate (see endpoint-gates), runs its use case and returns
 * a Result. Errors become codes the UI branches on; unexpected ones are logged and
 * reported as INTERNAL without their details.
 */
export function defineSurface<C extends Record<string, Endpoint>>(
  schemas: { [K in keyof C]: C[K]['payload'] },
  handlers: SurfaceHandlers<C>,
  gates: SurfaceGates<keyof C & string>,
  redactors: SurfaceRedactors<C>
): ReturnType<Resolver['getDefinitions']> {
  const resolver = new Resolver();
  for (const key of Object.keys(schemas) as (keyof C & string)[]) {
    const schema = schemas[key];
    const handle = handlers[key];
    const redact = redactors[key];
    const gate = gates[key];
    resolver.define(key, async (request: Request): Promise<Result<C[typeof key]['result']>> => {
      try {
        const context = trustedContext(request.context);
        const payload = parseWith(schema, request.payload, key) as z.output<C[typeof key]['payload']>;
        const run = () => underGate(gate, context, () => handle(payload, context, invocationEnv()));
        if (typeof redact !== 'function') return { ok: true, value: await run() };
        const [value, allowed] = await Promise.all([
          run(),
          // Fail closed: if access cannot be established, the answer is masked.
          identityAllowed(context.accountId).catch(() => false)
        ]);
        return { ok: true, value: redact(value, await redactionFor(allowed)) };
      } catch (error) {
        return failure(error, key);
      }
    });
  }
  return resolver.getDefinitions();
}

function failure(
  error: unknown,
  key: string
): { ok: false; error: { code: AppError['code']; message: string; fieldIssues: AppError['fieldIssues'] } } {
  if (error instanceof AppError) {
    return { ok: false, error: { code: error.code, message: error.message, fieldIssues: error.fieldIssues } };
  }
  console.error(`Resolver ${key} failed unexpectedly`, error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Something went wrong. Try again.', fieldIssues: [] }
  };
}
