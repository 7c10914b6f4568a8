import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The manifest is what Forge deploys: validate it offline with Atlassian's own
 * validator, and check that every handler it names is really exported by the built
 * backend (the validator does not check that).
 */
const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.yml');

interface ManifestShape {
  modules: { function: { key: string; handler: string }[] } & Record<string, unknown>;
  app: { runtime: { name: string } };
  permissions: { scopes: string[] };
}

describe('manifest.yml', () => {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as ManifestShape;

  it('passes @forge/manifest full validation', async () => {
    const processor = ProcessorBuilder.instance().withValidation(ValidationTypes.FULL).build();
    const result = await processor.process(manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('names only handlers the built backend exports', async () => {
    const exported = (await import(path.join(root, 'build', 'index.js'))) as Record<string, unknown>;
    for (const fn of manifest.modules.function) {
      const [file, name] = fn.handler.split('.');
      expect(file).toBe('index');
      expect(typeof exported[name ?? '']).toBe('function');
    }
  });

  it("gives the Rovo agent only the app's own actions, each backed by a declared function", () => {
    const modules = manifest.modules as unknown as {
      function: { key: string }[];
      action: { key: string; function: string; inputs: Record<string, { required: boolean }> }[];
      'rovo:agent': { actions: string[] }[];
    };
    const actionKeys = modules.action.map((a) => a.key);
    for (const agent of modules['rovo:agent'])
      expect(actionKeys).toEqual(expect.arrayContaining(agent.actions));
    const functionKeys = modules.function.map((f) => f.key);
    for (const action of modules.action) expect(functionKeys).toContain(action.function);
    // The issue key may come from the chat's context instead, so no action demands it.
    for (const action of modules.action) expect(action.inputs.issueKey?.required).toBe(false);
  });

  it('runs on a supported Node runtime and asks only for the scopes it uses', () => {
    expect(['nodejs22.x', 'nodejs24.x']).toContain(manifest.app.runtime.name);
    expect([...manifest.permissions.scopes].sort()).toEqual([
      'read:jira-user',
      'read:jira-work',
      'read:organization:jira-service-management',
      'read:servicedesk-request',
      'storage:app',
      'write:app-data:jira',
      'write:jira-work',
      'write:servicedesk-request'
    ]);
  });
});
