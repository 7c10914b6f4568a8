/**
 * Lints probe snippets with the project's ESLint config through ESLint's Node API, for
 * test/architecture-lint.test.ts. It runs as its own Node process because ESLint loads
 * eslint.config.mjs with a dynamic `import()`, which Jest's module sandbox refuses.
 *
 * stdin: JSON `[{ filePath, code }]`, paths relative to the repository root.
 * stdout: JSON, for each probe the problems found, as `ruleId: message`.
 *
 * Only the architecture rules run (boundaries, and the restricted imports that keep entity
 * names in storage), without type information: a probe exists only as
 * text, so the TypeScript project cannot hold it, and import boundaries need no types.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { text } from 'node:stream/consumers';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId.startsWith('boundaries/') || ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } }
});

const probes = JSON.parse(await text(process.stdin));
const found = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  found.push(result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`));
}
process.stdout.write(JSON.stringify(found));
