import { Queue } from '@forge/events';
import { SYNC_QUEUE, type SyncEventInput } from './sync-events';

/** Forge accepts at most 50 events per push. */
const EVENTS_PER_PUSH = 50;
/** Jira's bulk property API takes 100 issues: one event is one publish batch. */
const ISSUES_PER_EVENT = 100;

/** An event to push, with the key of the events it must never run alongside. */
export interface OutgoingEvent {
  body: SyncEventInput;
  concurrencyKey: string;
  delayInSeconds?: number;
}

/** Events about one project run one at a time, publishes and rescore pages alike. */
export const projectKey = (projectId: string): string => `impact-${projectId}`;

/**
 * Queues the publication of these issues' impact to Jira. Events of one project run one
 * at a time (a concurrency key per project), so two publishes of the same issue never
 * race and the later one always reads the newer impact.
 */
export async function enqueueSync(issues: readonly { issueId: string; projectId: string }[]): Promise<void> {
  const byProject = new Map<string, Set<string>>();
  for (const { issueId, projectId } of issues) {
    const set = byProject.get(projectId) ?? new Set<string>();
    set.add(issueId);
    byProject.set(projectId, set);
  }
  const events: OutgoingEvent[] = [];
  for (const [projectId, ids] of byProject) {
    const all = [...ids];
    for (let i = 0; i < all.length; i += ISSUES_PER_EVENT) {
      events.push({
        concurrencyKey: projectKey(projectId),
        body: { kind: 'publish', issueIds: all.slice(i, i + ISSUES_PER_EVENT) }
      });
    }
  }
  await pushEvents(events);
}

/**
 * Pushes events in as few calls as Forge allows (each push request counts once against
 * the cyclic-invocation limit), keyed for per-project ordering.
 */
export async function pushEvents(events: readonly OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const queue = new Queue({ key: SYNC_QUEUE });
  const pushes: Promise<unknown>[] = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_PUSH) {
    pushes.push(
      queue.push(
        events.slice(i, i + EVENTS_PER_PUSH).map((e) => ({
          body: e.body,
          concurrency: { key: e.concurrencyKey, limit: 1 },
          ...(e.delayInSeconds === undefined ? {} : { delayInSeconds: e.delayInSeconds })
        }))
      )
    );
  }
  await Promise.all(pushes);
}
