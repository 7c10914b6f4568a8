import { itemsOf, readItem } from './presets';

const receivedAt = new Date('2026-12-01T12:00:00Z');

describe('intake presets', () => {
  it('reads a Zendesk ticket webhook as a ticket insight of its organization', () => {
    const read = readItem(
      { preset: 'zendesk' },
      {
        ticket: {
          id: 4812,
          subject: 'Invoice export fails',
          description: 'Finance cannot export invoices since Monday.',
          url: 'https://acme.zendesk.com/agent/tickets/4812',
          priority: 'urgent',
          created_at: '2026-11-30T09:00:00Z',
          tags: ['billing'],
          organization: { name: 'Acme Corp' }
        }
      },
      receivedAt
    );
    expect(read).toMatchObject({
      ok: true,
      externalId: '4812',
      input: { summary: 'Invoice export fails', severity: 'critical', account: { name: 'Acme Corp' } }
    });
  });

  it('reads an Intercom conversation, its HTML body as text and its epoch date', () => {
    const read = readItem(
      { preset: 'intercom' },
      {
        type: 'notification_event',
        topic: 'conversation.user.created',
        data: {
          item: {
            type: 'conversation',
            id: '1911',
            created_at: 1764579600,
            priority: 'priority',
            source: { body: '<p>The app logs me out &amp; loses my cart</p>' }
          }
        }
      },
      receivedAt
    );
    expect(read).toMatchObject({
      ok: true,
      externalId: '1911',
      input: {
        quote: 'The app logs me out & loses my cart',
        severity: 'high',
        observedAt: '2025-12-01T09:00:00.000Z'
      }
    });
  });

  it('reads a generic item through its paths and names the field that does not fit', () => {
    const mapping = {
      preset: 'generic' as const,
      fieldPaths: { externalId: 'id', summary: 'title', severity: 'level', sourceKind: 'survey' as const }
    };
    expect(readItem(mapping, { id: 7, title: 'Too slow' }, receivedAt)).toMatchObject({
      ok: true,
      externalId: '7',
      input: { sourceKind: 'survey', observedAt: receivedAt.toISOString() }
    });
    const bad = readItem(mapping, { id: 8, title: 'Too slow', level: 'urgent' }, receivedAt);
    expect(bad).toMatchObject({ ok: false, externalId: '8' });
    expect(bad.ok ? '' : bad.reason).toMatch(/severity/);
    expect(readItem(mapping, { title: 'no id' }, receivedAt)).toMatchObject({ ok: false });
  });

  it('takes a single item, an array or {items}, and refuses more than 100', () => {
    expect(itemsOf('{"a":1}')).toEqual({ ok: true, items: [{ a: 1 }] });
    expect(itemsOf('[{"a":1},{"a":2}]')).toMatchObject({ ok: true, items: [{ a: 1 }, { a: 2 }] });
    expect(itemsOf('{"items":[{"a":1}]}')).toEqual({ ok: true, items: [{ a: 1 }] });
    expect(itemsOf(JSON.stringify({ items: Array.from({ length: 101 }, () => ({})) }))).toEqual({
      ok: false,
      reason: 'too-many-items'
    });
    expect(itemsOf('not json')).toEqual({ ok: false, reason: 'not-json' });
  });
});
