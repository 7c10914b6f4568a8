import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalForge } from '../host/local-forge';
import { DEMO_USERS } from '../jira/seed';
import * as app from '../../src/index';
import type { IntakeMapping } from '../../src/domain/intake/presets';
import { createIntakeSource } from '../../src/usecases/intake/manage-sources';
import { signIntakeBody } from '../../src/usecases/intake/signature';
import { serveWebTrigger } from './webtrigger-route';

/**
 * `npm run demo:intake`: a local Forge with the demo site, its web triggers served over
 * HTTP on localhost, and three intake sources (Zendesk, Intercom, generic JSON). Posts
 * signed sample deliveries (a duplicate, an edited ticket, a malformed item and a bad
 * signature among them) as a support tool would, lets the queue write them, and prints
 * what each request was answered and what became of it.
 */
async function main(): Promise<void> {
  const forge = new LocalForge({ validateJira: false, flakyBatchItems: 'off' }).useApp(app);
  const projectId = forge.seed.projects[0]!.id;
  const server = createServer((req, res) => {
    void serveWebTrigger(
      forge,
      req,
      res,
      new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
      () => undefined
    ).then((served) => {
      if (!served) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x/webtrigger/evidence-intake`;
  const env = { now: () => new Date(), newId: () => 'unused' };
  const make = (name: string, mapping: IntakeMapping) =>
    createIntakeSource({ accountId: DEMO_USERS.alice }, env, { name, projectId, mapping });
  const zendesk = await make('Zendesk', { preset: 'zendesk' });
  const intercom = await make('Intercom', { preset: 'intercom' });
  const generic = await make('Survey tool', {
    preset: 'generic',
    fieldPaths: {
      externalId: 'id',
      summary: 'title',
      quote: 'answer',
      accountName: 'company',
      sourceKind: 'survey'
    }
  });

  const ticket = (subject: string) => ({
    ticket: {
      id: 4812,
      subject,
      description: 'Finance cannot export invoices since Monday; month-end close is blocked.',
      url: 'https://acme.zendesk.com/agent/tickets/4812',
      priority: 'urgent',
      created_at: '2026-11-20T09:00:00Z',
      organization: { name: 'Acme Corp' }
    }
  });
  const conversation = {
    type: 'notification_event',
    topic: 'conversation.user.created',
    data: {
      item: {
        type: 'conversation',
        id: '1911',
        created_at: 1764230400,
        priority: 'priority',
        source: { body: '<p>The mobile app logs me out &amp; empties my cart.</p>' }
      }
    }
  };
  const survey = {
    items: [
      {
        id: 'r-1',
        title: 'Reports are too slow',
        answer: 'Our weekly report takes minutes.',
        company: 'Globex'
      },
      { id: 'r-2', title: '', answer: 'No title here', company: 'Initech' },
      {
        id: 'r-3',
        title: 'Need SSO for contractors',
        answer: 'Contractors share logins today.',
        company: 'Globex'
      }
    ]
  };

  type Source = { source: { sourceId: string }; secret: string };
  const rows: Record<string, string | number>[] = [];
  const deliveries: { label: string; target: Source; deliveryId: string }[] = [];
  async function send(
    label: string,
    target: Source,
    payload: unknown,
    secret = target.secret
  ): Promise<void> {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${base}/${target.source.sourceId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-evidence-timestamp': timestamp,
        'x-evidence-signature': signIntakeBody(secret, timestamp, body)
      },
      body
    });
    const answer = (await response.json()) as Record<string, unknown>;
    rows.push({
      request: label,
      http: response.status,
      accepted: Number(answer.accepted ?? 0),
      duplicates: Number(answer.duplicates ?? 0),
      rejected: Number(answer.rejected ?? 0),
      note: typeof answer.message === 'string' ? answer.message : ''
    });
    if (typeof answer.deliveryId === 'string')
      deliveries.push({ label, target, deliveryId: answer.deliveryId });
    await forge.drainQueues();
  }

  await send('Zendesk ticket 4812', zendesk, ticket('Invoice export fails'));
  await send('Intercom conversation 1911', intercom, conversation);
  await send('Survey batch of 3 (one without title)', generic, survey);
  await send('Zendesk 4812 redelivered', zendesk, ticket('Invoice export fails'));
  await send('Zendesk 4812 edited', zendesk, ticket('Invoice export fails for every currency'));
  await send('Zendesk signed with a wrong secret', zendesk, ticket('Forged'), 'f'.repeat(64));

  console.log('\nWhat each request was answered:');
  console.table(rows);
  const outcomes: Record<string, string | number>[] = [];
  for (const { label, target, deliveryId } of deliveries) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${base}/${target.source.sourceId}/deliveries/${deliveryId}`, {
      headers: {
        'x-evidence-timestamp': timestamp,
        'x-evidence-signature': signIntakeBody(target.secret, timestamp, '')
      }
    });
    const status = (await response.json()) as { outcomes?: { outcome: string; reason?: string }[] } & Record<
      string,
      unknown
    >;
    outcomes.push({
      delivery: label,
      status: String(status.status),
      created: Number(status.created),
      updated: Number(status.updated),
      duplicates: Number(status.duplicates),
      rejected: Number(status.rejected),
      reasons: (status.outcomes ?? []).flatMap((o) => (o.reason ? [o.reason] : [])).join('; ')
    });
  }
  console.log('What became of each delivery (signed GET of its status):');
  console.table(outcomes);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  forge.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
