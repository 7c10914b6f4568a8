import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layers and SDK folders of README.md ("Architecture") are enforced by `npm run lint`
 * (eslint.layers.mjs). These probes lint a few lines as if they were a file in a given
 * folder, through the project's own ESLint config and ESLint's Node API
 * (test/lint-probes.mjs), and check that what the README forbids is reported and what it
 * allows is not: a rule that stopped matching, or one that matched too much, fails here.
 */

interface Probe {
  what: string;
  filePath: string;
  code: string;
  /** What the report must say; none when the imports are allowed. */
  says?: RegExp;
  /** The rule that reports it, when not the layers' own. */
  rule?: string;
}

const PROBES: Probe[] = [
  {
    what: 'the domain importing storage',
    filePath: 'src/domain/probe.ts',
    code: "import { getInsights } from '../storage/insight-store';\nexport const probe = getInsights;\n",
    says: /from elements of type "domain" to elements of type "storage"/
  },
  {
    what: 'a use case importing the storage SDK',
    filePath: 'src/usecases/probe.ts',
    code: "import { kvs } from '@forge/kvs';\nexport const probe = kvs;\n",
    says: /Only src\/storage talks to Forge storage/
  },
  {
    what: 'a handler importing storage instead of calling a use case',
    filePath: 'src/handlers/probe.ts',
    code: "import { getInsights } from '../storage/insight-store';\nexport const probe = getInsights;\n",
    says: /from elements of type "handlers" to elements of type "storage"/
  },
  {
    what: 'the queue adapter importing a use case (the old sync/usecases cycle)',
    filePath: 'src/sync/probe.ts',
    code: "import { applyChange } from '../usecases/apply-change';\nexport const probe = applyChange;\n",
    says: /from elements of type "sync" to elements of type "usecases"/
  },
  {
    what: 'a use case writing a row by entity name instead of through the typed transaction',
    filePath: 'src/usecases/probe.ts',
    code: "import { ENTITY } from '../storage/entities';\nexport const probe = ENTITY.insight;\n",
    says: /Only src\/storage names entities/,
    rule: 'no-restricted-imports'
  },
  {
    what: 'a use case importing the domain, the contract, storage and a package',
    filePath: 'src/usecases/probe.ts',
    code: [
      "import { scoreEvidence } from '../domain/scoring/score';",
      "import type { InsightView } from '../contract/views';",
      "import { getInsights } from '../storage/insight-store';",
      "import { z } from 'zod';",
      'export type Probe = InsightView;',
      'export const probe = [scoreEvidence, getInsights, z];',
      ''
    ].join('\n')
  }
];

function lintProbes(probes: readonly Probe[]): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-probes.mjs')], {
    input: JSON.stringify(probes.map(({ filePath, code }) => ({ filePath, code }))),
    encoding: 'utf8'
  });
  return JSON.parse(out) as string[][];
}

describe('architecture lint', () => {
  // One ESLint process for every probe: loading the config is most of the cost.
  const found = new Map<string, string[]>();
  beforeAll(() => {
    lintProbes(PROBES).forEach((problems, i) => found.set(PROBES[i]!.what, problems));
  });

  it.each(PROBES.filter((p) => p.says))('reports $what', ({ what, says, rule }) => {
    const problems = found.get(what);
    expect(problems).toHaveLength(1);
    expect(problems?.[0]?.split(': ')[0]).toBe(rule ?? 'boundaries/dependencies');
    expect(problems?.[0]).toMatch(says!);
  });

  it.each(PROBES.filter((p) => !p.says))('allows $what', ({ what }) => {
    expect(found.get(what)).toEqual([]);
  });
});
