import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where Atlassian's OpenAPI descriptions live: `../shared/jira-openapi/` beside the
 * repository (how CI clones it), or the directory in `JIRA_OPENAPI_DIR`. A missing file
 * is an error that says where it looked, not a silent skip of the conformance checks.
 */
export function openApiFile(name: 'platform.v3.json' | 'software.v3.json' = 'platform.v3.json'): string {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const dir = process.env.JIRA_OPENAPI_DIR ?? path.resolve(repoRoot, '../shared/jira-openapi');
  const file = path.resolve(dir, name);
  if (!existsSync(file)) {
    throw new Error(
      `Jira OpenAPI description not found at ${file}. Clone the shared folder beside the repository ` +
        `(../shared/jira-openapi/${name}) or set JIRA_OPENAPI_DIR to the directory that holds ${name}.`
    );
  }
  return file;
}
