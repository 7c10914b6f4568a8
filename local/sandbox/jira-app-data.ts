import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { LocalJira } from '../jira/local-jira';
import type { JiraSeed } from '../jira/seed';

/**
 * The local Jira lives in memory and is rebuilt from its seed on every start, but Jira
 * keeps what an app stored in it (the Customer impact field, the issue properties JQL
 * sorts by). The sandbox keeps that part in a file beside its storage, so a restart shows
 * the same impact as before it without republishing every issue.
 */
export type AppData = Pick<JiraSeed, 'appFieldValues' | 'issueProperties'>;

export function readAppData(file: string): AppData | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AppData;
  } catch {
    // A file cut short by a crash: the stored scores reach Jira again as they change.
    return undefined;
  }
}

export function writeAppData(jira: LocalJira, file: string): void {
  // Written aside, then renamed: a crash mid-write leaves the previous copy whole.
  writeFileSync(`${file}.tmp`, JSON.stringify(jira.appData()));
  renameSync(`${file}.tmp`, file);
}
