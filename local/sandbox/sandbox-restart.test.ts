import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_APP_FIELD } from '../jira/demo-seed';
import { startSandbox } from './server';

/**
 * The local Jira is rebuilt on every start, but what the app stored in it survives a
 * restart, as it would in Jira: the Customer impact field is there at once, without
 * waiting for the app to publish every issue again.
 */
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sandbox-restart-'));
  for (const module of ['panel', 'project', 'admin']) {
    mkdirSync(path.join(dir, 'dist', module), { recursive: true });
    writeFileSync(path.join(dir, 'dist', module, 'index.html'), '<!doctype html><html><body></body></html>');
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the Customer impact field the app set across a restart', async () => {
  const options = {
    port: 0,
    insightsPerProject: 2,
    quiet: true,
    distDir: path.join(dir, 'dist'),
    dataFile: path.join(dir, 'sandbox.sqlite')
  };
  const first = await startSandbox(options);
  await first.forge.settle();
  const impacts = (sandbox: typeof first) =>
    sandbox.forge.jira
      .listIssues()
      .map((issue) => [issue.id, sandbox.forge.jira.getAppFieldValue(DEMO_APP_FIELD.id, issue.id)])
      .filter(([, value]) => value !== undefined);
  const before = impacts(first);
  expect(before.length).toBeGreaterThan(0);
  await first.close();
  expect(existsSync(`${options.dataFile}.jira.json`)).toBe(true);

  const second = await startSandbox(options);
  try {
    // Read before anything has had a chance to publish again.
    expect(impacts(second)).toEqual(before);
  } finally {
    await second.close();
  }
});
