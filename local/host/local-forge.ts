import path from 'node:path';
import { KvsEngine } from '../kvs/kvs-engine';
import { loadEntityDefinitions } from '../kvs/manifest-entities';
import { LocalJira } from '../jira/local-jira';
import { withOpenApiValidation } from '../jira/openapi-validator';
import { createDemoSeed } from '../jira/seed';
import type { JiraSeed } from '../jira/seed';
import { ForgeHost, type FunctionContext, type ResolverFunction } from './forge-host';
import type { LatencyModel } from './meter';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface LocalForgeOptions {
  /** SQLite file for the KVS; in memory when omitted. */
  kvsFile?: string;
  seed?: JiraSeed;
  latency?: LatencyModel;
  /** Really wait the modelled latency on each call (sandbox realism). */
  sleep?: boolean;
  /** Check every Jira request and response against Atlassian's OpenAPI (tests: on). */
  validateJira?: boolean;
}

/** Where a module is rendered: what Forge puts in `context.extension`. */
export type ModuleSite =
  | { module: 'issuePanel'; issueId: string; issueKey?: string; projectId: string; projectKey?: string }
  | { module: 'projectPage'; projectId: string; projectKey?: string }
  | { module: 'adminPage' };

/**
 * The whole local platform in one object: the KVS engine on SQLite, the local Jira
 * (with OpenAPI checks when asked) and the host that routes the real SDKs to them.
 */
export class LocalForge {
  readonly host: ForgeHost;
  readonly kvs: KvsEngine;
  readonly jira: LocalJira;
  readonly seed: JiraSeed;

  constructor(options: LocalForgeOptions = {}) {
    this.seed = options.seed ?? createDemoSeed();
    this.kvs = new KvsEngine({
      entities: loadEntityDefinitions(path.join(REPO_ROOT, 'manifest.yml')),
      ...(options.kvsFile ? { file: options.kvsFile } : {})
    });
    this.jira = new LocalJira(this.seed);
    this.host = new ForgeHost({
      kvs: this.kvs,
      jira: options.validateJira === false ? this.jira : withOpenApiValidation(this.jira),
      ...(options.latency ? { latency: options.latency } : {}),
      ...(options.sleep ? { sleep: true } : {})
    }).install();
  }

  /** Calls a resolver as `accountId` from a module rendered at `site`, as Forge would. */
  invoke(
    handler: ResolverFunction,
    accountId: string | undefined,
    site: ModuleSite,
    functionKey: string,
    payload: unknown = {}
  ): Promise<unknown> {
    return this.host.invoke(handler, { functionKey, payload, context: contextFor(site), accountId });
  }

  stop(): void {
    this.host.uninstall();
    this.kvs.close();
  }
}

export function contextFor(site: ModuleSite): FunctionContext {
  switch (site.module) {
    case 'issuePanel':
      return {
        moduleKey: 'customer-evidence-panel',
        extension: {
          type: 'jira:issuePanel',
          issue: { id: site.issueId, key: site.issueKey ?? '', type: '', typeId: '' },
          project: { id: site.projectId, key: site.projectKey ?? '', type: 'software' }
        }
      };
    case 'projectPage':
      return {
        moduleKey: 'customer-evidence-project',
        extension: { type: 'jira:projectPage', project: { id: site.projectId, key: site.projectKey ?? '', type: 'software' } }
      };
    case 'adminPage':
      return { moduleKey: 'customer-evidence-admin', extension: { type: 'jira:adminPage' } };
  }
}
