import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import type { PayloadOf } from '../src/contract/surfaces';
import { MAX_MAPPED_VALUES } from '../src/domain/import-value-mappings';
import { DEMO_USERS, findChain, importRows, projectPage, type Chain } from './evidence-kit';

/**
 * Importing from a support tool: the value mappings a project saves for its next import,
 * and refused rows explained in the words of the person who exported the file.
 */
describe('import value mappings', () => {
  let forge: LocalForge;
  let chain: Chain;

  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const bob = () => projectPage(forge, DEMO_USERS.bob, chain.projectId);
  const none = { sourceKind: {}, accountSegment: {}, severity: {}, sentiment: {}, journeyStage: {} };

  it('offers the mappings a project saved on its next import, and only in that project', async () => {
    expect(await bob().ok('project/getImportMappings', {})).toBeNull();
    const mappings = {
      preset: 'zendesk' as const,
      values: { ...none, severity: { urgent: 'critical' as const, spam: ':skip' as const } }
    };
    expect(await bob().ok('project/saveImportMappings', { mappings })).toEqual(mappings);
    expect(await bob().ok('project/getImportMappings', {})).toEqual(mappings);
    // The project's, not the person's: another importer of the project is offered them too.
    const alice = (projectId: string) => projectPage(forge, DEMO_USERS.alice, projectId);
    expect(await alice(chain.projectId).ok('project/getImportMappings', {})).toEqual(mappings);
    expect(await alice(forge.seed.projects[1]!.id).ok('project/getImportMappings', {})).toBeNull();
  });

  it('refuses mappings to values outside the vocabulary, or too many of them, and keeps the saved ones', async () => {
    const saved = { preset: null, values: { ...none, sourceKind: { chat: 'ticket' as const } } };
    await bob().ok('project/saveImportMappings', { mappings: saved });

    const tooMany = Object.fromEntries(
      Array.from({ length: MAX_MAPPED_VALUES + 1 }, (_, i) => [`plan ${i}`, 'smb' as const])
    );
    const refused = [
      { preset: null, values: { ...none, severity: { urgent: 'blocker' } } },
      { preset: null, values: { ...none, accountSegment: tooMany } }
    ];
    for (const mappings of refused) {
      // Sent unchecked, as a tampered page could: the resolver's schema is the guard.
      const result = await bob().call('project/saveImportMappings', {
        mappings
      } as unknown as PayloadOf<'project/saveImportMappings'>);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await bob().ok('project/getImportMappings', {})).toEqual(saved);
  });

  it('says why a row was refused in plain words, quoting the value the file holds', async () => {
    const outcome = await importRows(bob(), [
      { line: 2, insight: { summary: 'Fine', sourceKind: 'ticket', observedAt: '2026-10-01' } },
      {
        line: 3,
        insight: { summary: 'Urgent one', sourceKind: 'ticket', severity: 'urgent', observedAt: '2026-10-01' }
      },
      { line: 4, insight: { summary: '', sourceKind: 'chat', observedAt: '2026-10-01' } }
    ]);
    expect(outcome.invalid.map((r) => r.message)).toEqual([
      'Row 3: severity “urgent” is not one of low, medium, high, critical',
      expect.stringMatching(/^Row 4: summary: .*; source kind “chat” is not one of ticket, interview, survey/)
    ]);
    expect(outcome.progress).toMatchObject({ created: 1 });
  });
});
