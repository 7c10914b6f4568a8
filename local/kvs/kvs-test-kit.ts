import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ForgeHost, type ForgeHostOptions } from '../host/forge-host';
import type { KvsService, ServiceResponse } from '../host/services';
import { KvsEngine } from './kvs-engine';
import { loadEntityDefinitions, parseEntityDefinitions, type EntityDefinition } from './manifest-entities';

/**
 * Test wiring: a KvsEngine behind a real ForgeHost, so tests drive the real `@forge/kvs`
 * client. The entities are a fixed fixture shaped like the app's own (`impact` and `insight`
 * as in manifest.yml) plus `probe`, which covers every attribute type; a fixture, so the
 * conformance suite does not move when the app's manifest does.
 */
const FIXTURE = parse(`
app:
  storage:
    entities:
      - name: impact
        attributes:
          issueId: { type: string }
          projectId: { type: string }
          score: { type: float }
          accounts: { type: integer }
          version: { type: integer }
          readModel: { type: any }
        indexes:
          - name: by-project-score
            partition: [projectId]
            range: [score]
      - name: insight
        attributes:
          projectId: { type: string }
          status: { type: string }
          importKey: { type: string }
          summary: { type: string }
          createdAt: { type: string }
        indexes:
          - name: by-project-status
            partition: [projectId, status]
            range: createdAt
          - name: by-import-key
            partition: [projectId, importKey]
      - name: probe
        attributes:
          label: { type: string }
          count: { type: integer }
          ratio: { type: float }
          flag: { type: boolean }
          extra: { type: any }
        indexes:
          - label
          - name: by-flag-ratio
            partition: [flag]
            range: ratio
`) as unknown;

export function testEntities(): EntityDefinition[] {
  return parseEntityDefinitions(FIXTURE);
}

/** The app's real declarations, for smoke tests that the engine accepts what the app ships. */
export function appEntities(): EntityDefinition[] {
  return loadEntityDefinitions(join(__dirname, '..', '..', 'manifest.yml'));
}

/** Records every request the SDK sends, to pin the wire format. */
export class RecordingKvs implements KvsService {
  readonly calls: { path: string; body: unknown }[] = [];
  constructor(private readonly inner: KvsService) {}
  handle(path: string, body: unknown): ServiceResponse {
    this.calls.push({ path, body });
    return this.inner.handle(path, body);
  }
}

export interface LocalKvs {
  engine: KvsEngine;
  host: ForgeHost;
  recorder: RecordingKvs;
  clock: { now: number };
  stop(): void;
}

export function startLocalKvs(
  options: { file?: string; host?: Omit<ForgeHostOptions, 'kvs' | 'jira'> } = {}
): LocalKvs {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const engine = new KvsEngine({ file: options.file, entities: testEntities(), now: () => clock.now });
  const recorder = new RecordingKvs(engine);
  const host = new ForgeHost({
    ...options.host,
    kvs: recorder,
    jira: { handle: () => ({ status: 404, body: {} }) }
  }).install();
  return {
    engine,
    host,
    recorder,
    clock,
    stop: () => {
      host.uninstall();
      engine.close();
    }
  };
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'local-kvs-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
