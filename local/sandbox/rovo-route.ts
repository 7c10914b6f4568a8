import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { LocalForge } from '../host/local-forge';
import type { ActionModule } from '../host/manifest-functions';

/**
 * The shell's Rovo view: the actions manifest.yml declares (their inputs become the
 * view's form), and a run of one as the acting user, the way an agent invokes it. The
 * inputs are passed as typed, so a person can try what a language model might send.
 */
export const RovoRunRequest = z.strictObject({
  accountId: z.string().min(1).max(128),
  action: z.string().regex(/^[A-Za-z0-9_-]+$/),
  inputs: z.record(z.string().max(64), z.union([z.string().max(20_000), z.number(), z.boolean()])),
  /** The issue the chat is opened on, when the person chose to open it there. */
  issueId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
});

export type RovoRoute =
  | { status: 200; body: { actions: ActionModule[] } | { answer: unknown } }
  | { status: 400 | 404; body: { error: string } };

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Answers `/api/sandbox/rovo/*`, or undefined when the path is not the Rovo view's. */
export async function serveRovo(
  forge: LocalForge,
  req: IncomingMessage,
  pathname: string
): Promise<RovoRoute | undefined> {
  if (pathname === '/api/sandbox/rovo/actions') return { status: 200, body: { actions: forge.actions() } };
  if (pathname !== '/api/sandbox/rovo/run' || req.method !== 'POST') return undefined;
  const parsed = RovoRunRequest.safeParse(await readJson(req));
  if (!parsed.success)
    return { status: 400, body: { error: parsed.error.issues[0]?.message ?? 'Bad request' } };
  const { accountId, action, inputs, issueId } = parsed.data;
  if (!forge.actions().some((a) => a.key === action))
    return { status: 404, body: { error: `No action ${action}` } };
  const issue = issueId ? forge.jira.getIssue(issueId) : undefined;
  const project = issue ? forge.seed.projects.find((p) => p.id === issue.projectId) : undefined;
  const onIssue =
    issue && project
      ? { issueId: issue.id, issueKey: issue.key, projectId: project.id, projectKey: project.key }
      : undefined;
  const answer = await forge.action(action, accountId, inputs, onIssue);
  return { status: 200, body: { answer } };
}
