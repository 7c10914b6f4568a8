import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import {
  DEMO_USERS,
  findChain,
  importRows,
  panel,
  projectPage,
  sampleInsight,
  type Chain
} from './evidence-kit';

/**
 * The project page's backend: filtered ranking, issue search for triage, dismiss and
 * restore, merging duplicates, and CSV import — idempotent, row by row, nothing dropped.
 */
describe('project page backend', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const bob = () => projectPage(forge, DEMO_USERS.bob, chain.projectId);

  it('filters the ranking by level, segment and status category', async () => {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok('panel/captureAndLink', {
      insight: sampleInsight({ account: { name: 'Tiny Shop', segment: 'smb', arr: 500 } }),
      note: ''
    });
    const epics = await bob().ok('project/rankedIssues', { level: 'epic', statusCategory: 'all' });
    expect(epics.items.map((r) => r.issueId)).toEqual([chain.epicId]);
    expect(epics.items[0]!.facets?.segments.smb).toBeGreaterThan(0);
    const enterprise = await bob().ok('project/rankedIssues', { segment: 'enterprise' });
    expect(enterprise.items).toHaveLength(0);
    const smb = await bob().ok('project/rankedIssues', { segment: 'smb', statusCategory: 'all' });
    expect(smb.items.map((r) => r.issueId).sort()).toEqual(
      [chain.epicId, chain.storyId, chain.subtaskId].sort()
    );
    const done = await bob().ok('project/rankedIssues', { statusCategory: 'done' });
    for (const row of done.items) expect(row.statusCategory).toBe('done');
  });

  it('pages a ranking without skipping or repeating issues', async () => {
    const issues = forge.seed.issues
      .filter((i) => i.projectId === chain.projectId && !i.securityLevel)
      .slice(0, 7);
    for (const [n, issue] of issues.entries()) {
      await panel(forge, DEMO_USERS.bob, chain.projectId, issue.id).ok('panel/captureAndLink', {
        insight: sampleInsight({
          summary: `Evidence ${n}`,
          account: { name: `Account ${n}`, arr: 1000 * (n + 1) }
        }),
        note: ''
      });
    }
    const all = await bob().ok('project/rankedIssues', { statusCategory: 'all', limit: 100 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await bob().ok('project/rankedIssues', {
        statusCategory: 'all',
        limit: 3,
        ...(cursor ? { cursor } : {})
      });
      seen.push(...page.items.map((r) => r.issueId));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((r) => r.issueId));
  });

  it('finds issues to link by key and by text', async () => {
    const story = forge.seed.issues.find((i) => i.id === chain.storyId)!;
    const byKey = await bob().ok('project/searchIssues', { query: story.key });
    expect(byKey[0]).toMatchObject({ issueId: story.id, key: story.key });
    const word = story.summary.split(' ').find((w) => w.length > 4)!;
    const byText = await bob().ok('project/searchIssues', { query: `${word} (` });
    expect(byText.map((h) => h.issueId)).toContain(story.id);
  });

  it('dismisses an inbox item and restores it, but never linked evidence', async () => {
    const captured = await bob().ok('project/captureInsight', { insight: sampleInsight() });
    const dismissed = await bob().ok('project/setInsightStatus', {
      insightId: captured.id,
      status: 'dismissed'
    });
    expect(dismissed.status).toBe('dismissed');
    const inbox = await bob().ok('project/listInsights', { status: 'new' });
    expect(inbox.items.map((i) => i.id)).not.toContain(captured.id);
    await bob().ok('project/setInsightStatus', { insightId: captured.id, status: 'new' });
    expect((await bob().ok('project/listInsights', { status: 'new' })).items.map((i) => i.id)).toContain(
      captured.id
    );

    await bob().ok('project/link', { issueId: chain.storyId, insightIds: [captured.id], note: '' });
    const refused = await bob().call('project/setInsightStatus', {
      insightId: captured.id,
      status: 'dismissed'
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('merges a duplicate: links, tags and account carry over, the score counts it once', async () => {
    const a = await bob().ok('project/captureInsight', {
      insight: sampleInsight({ tags: ['billing'], severity: 'low' })
    });
    const b = await bob().ok('project/captureInsight', {
      insight: sampleInsight({
        summary: 'Invoice payments time out',
        tags: ['invoices'],
        severity: 'critical',
        account: undefined
      })
    });
    await bob().ok('project/link', { issueId: chain.storyId, insightIds: [a.id], note: '' });
    await bob().ok('project/link', { issueId: chain.otherStoryId, insightIds: [b.id], note: '' });
    await bob().ok('project/link', { issueId: chain.storyId, insightIds: [b.id], note: '' });

    const merged = await bob().ok('project/mergeInsights', { sourceId: b.id, targetId: a.id });
    expect(merged.tags.sort()).toEqual(['billing', 'invoices']);
    expect(merged.severity).toBe('critical');
    expect(merged.account?.name).toBe('Acme Corp');
    expect(merged.linkCount).toBe(2);

    const other = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.otherStoryId).ok(
      'panel/getEvidence',
      {}
    );
    expect(other.impact!.cards.map((c) => c.insightId)).toEqual([a.id]);
    const story = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    expect(story.impact!.score.insightCount).toBe(1);
    const gone = await bob().call('project/editInsight', { insightId: b.id, patch: { severity: 'low' } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('imports rows, reports every bad line, and creates nothing on a second import', async () => {
    const rows = [
      {
        line: 2,
        key: 'T-1',
        insight: {
          summary: 'Export fails',
          sourceKind: 'ticket',
          observedAt: '2026-11-01',
          account: { name: 'Globex', arr: 50000 }
        }
      },
      {
        line: 3,
        insight: {
          summary: 'Love the new editor',
          sourceKind: 'nps',
          observedAt: '2026-11-02',
          sentiment: 'positive'
        }
      },
      { line: 4, insight: { summary: '', sourceKind: 'ticket', observedAt: '2026-11-02' } },
      {
        line: 5,
        insight: {
          summary: 'Bad link',
          sourceKind: 'review',
          observedAt: '2026-11-02',
          sourceUrl: 'javascript:alert(1)'
        }
      },
      {
        line: 6,
        key: 'T-2',
        insight: {
          summary: 'SSO please',
          sourceKind: 'sales_call',
          observedAt: '2026-10-30',
          account: { name: 'Globex' }
        }
      }
    ];
    const first = await importRows(bob(), rows);
    expect(first.queued.map((r) => r.line)).toEqual([2, 3, 6]);
    expect(first.invalid.map((r) => r.line)).toEqual([4, 5]);
    expect(first.invalid[1]!.fieldIssues.map((i) => i.path)).toContain('sourceUrl');
    expect(first.duplicates).toEqual([]);
    expect(first.progress).toMatchObject({ status: 'done', created: 3, duplicates: 0 });

    const again = await importRows(bob(), rows);
    expect(again.queued).toEqual([]);
    expect(again.duplicates.map((r) => r.line)).toEqual([2, 3, 6]);

    const library = await bob().ok('project/listInsights', { limit: 100 });
    expect(
      library.items.filter((i) => ['Export fails', 'Love the new editor', 'SSO please'].includes(i.summary))
    ).toHaveLength(3);
    const globex = library.items.find((i) => i.summary === 'SSO please')!.account;
    // The second row naming Globex had no ARR: it enriched the account without erasing it.
    expect(globex).toMatchObject({ name: 'Globex', arr: 50000 });
  });

  it('refuses imports from a viewer and writes nothing', async () => {
    const carol = projectPage(forge, DEMO_USERS.carol, chain.projectId);
    const refused = await carol.call('project/importInsights', {
      importId: 'refused',
      chunk: 0,
      rows: [{ line: 2, insight: { summary: 'x', sourceKind: 'ticket', observedAt: '2026-11-01' } }]
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await bob().ok('project/listInsights', {})).items).toHaveLength(0);
  });
});

describe('shipped for customers', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge();
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  it('lists recently done issues with the customers they answered', async () => {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.otherStoryId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
    const done = forge.seed.statuses.find((s) => s.category === 'done')!;
    forge.jira.setStatus(chain.otherStoryId, done.id);
    const shipped = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/shipped', {});
    const row = shipped.find((r) => r.issueId === chain.otherStoryId);
    expect(row).toMatchObject({ insightCount: 1, accounts: [{ name: 'Acme Corp', arr: 240000 }] });
    expect(row!.insights[0]!.summary).toBe('Checkout times out when paying by invoice');
    // Issues without evidence are not listed.
    expect(shipped.every((r) => r.insightCount > 0)).toBe(true);
  });
});
