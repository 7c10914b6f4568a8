import type { Result } from '../../../src/contract/result';
import type { ContractKey, PayloadOf, ResultOf } from '../../../src/contract/surfaces';
import type { ErrorCode, FieldIssue } from '../../../src/domain/errors';

/**
 * The test double for `@forge/bridge` (the only module the UI tests mock):
 *
 *   jest.mock('@forge/bridge', () => jest.requireActual('../test/forge-bridge').forgeBridgeMock);
 *
 * Resolvers are answered by handlers registered with `onResolver`; a key without a
 * handler rejects, so a test never passes by accident on an unexpected call.
 */
type Handler = (payload: unknown) => unknown;
const handlers = new Map<string, Handler>();

/** A Jira REST answer for `requestJira`: status and JSON body. */
export interface JiraAnswer {
  status: number;
  body?: unknown;
}
type JiraHandler = (path: string, init: { method?: string; body?: unknown } | undefined) => JiraAnswer;
/** Unless a test says otherwise, Jira answers 404, so name lookups fall back. */
let jiraHandler: JiraHandler = () => ({ status: 404, body: { errorMessages: ['Not found'] } });

/** Only what the api layer reads of a fetch Response (jsdom has no Response). */
function jiraResponse(answer: JiraAnswer): Response {
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    json: () => Promise.resolve(answer.body)
  } as Response;
}

export const forgeBridgeMock = {
  invoke: jest.fn((key: string, payload: unknown): Promise<unknown> => {
    const handler = handlers.get(key);
    if (!handler) return Promise.reject(new Error(`No test handler for ${key}`));
    return Promise.resolve().then(() => handler(payload));
  }),
  view: {
    getContext: jest.fn(() => Promise.resolve({ extension: {} })),
    theme: { enable: jest.fn(() => Promise.resolve()) }
  },
  router: {
    open: jest.fn((_url: string) => Promise.resolve()),
    navigate: jest.fn((_location: unknown) => Promise.resolve())
  },
  requestJira: jest.fn((path: string, init?: { method?: string; body?: unknown }) =>
    Promise.resolve().then(() => jiraResponse(jiraHandler(path, init)))
  ),
  showFlag: jest.fn((_options: unknown) => ({ close: () => Promise.resolve() }))
};

export function onResolver<K extends ContractKey>(
  key: K,
  handler: (payload: PayloadOf<K>) => Result<ResultOf<K>> | Promise<Result<ResultOf<K>>>
): void {
  handlers.set(key, handler as Handler);
}

/** A resolver that never answers (to observe loading states). */
export function hangResolver(key: ContractKey): void {
  handlers.set(key, () => new Promise(() => undefined));
}

/** Answers `requestJira` calls (path with query, and the init the app sent). */
export function onJira(handler: JiraHandler): void {
  jiraHandler = handler;
}

export function resetBridge(): void {
  handlers.clear();
  jiraHandler = () => ({ status: 404, body: { errorMessages: ['Not found'] } });
  forgeBridgeMock.invoke.mockClear();
  forgeBridgeMock.router.open.mockClear();
  forgeBridgeMock.router.navigate.mockClear();
  forgeBridgeMock.requestJira.mockClear();
  forgeBridgeMock.showFlag.mockClear();
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: ErrorCode,
  message: string = code,
  fieldIssues: FieldIssue[] = []
): Result<T> => ({
  ok: false,
  error: { code, message, fieldIssues }
});

/** The keys the UI invoked, in order. */
export function invokedKeys(): string[] {
  return forgeBridgeMock.invoke.mock.calls.map((call) => call[0]);
}

/** The payload of the last call of `key`. */
export function lastPayload(key: ContractKey): unknown {
  const calls = forgeBridgeMock.invoke.mock.calls.filter((call) => call[0] === key);
  return calls[calls.length - 1]?.[1];
}

/** Every payload sent to `key`, in order. */
export function payloadsOf(key: ContractKey): unknown[] {
  return forgeBridgeMock.invoke.mock.calls.filter((call) => call[0] === key).map((call) => call[1]);
}
