/**
 * Import boundaries for the Custom UI, as flat-config objects to spread into the root
 * eslint.config.mjs (`...uiBoundaries`). static/eslint.config.mjs applies them on top
 * of the root config for `cd static && npx eslint src`.
 *
 * - Only static/src/api talks to @forge/bridge; components and hooks import `../api`.
 * - Nothing in static/ imports backend code: only src/contract and src/domain (pure)
 *   may reach the browser bundle.
 * - Features (panel, project, admin) do not import each other; shared code lives in
 *   static/src/shared.
 */
const backend = [
  {
    group: ['@forge/api', '@forge/kvs', '@forge/resolver', '@forge/events', '@forge/ui', 'node:*'],
    message: 'Backend/Node code must not reach the browser bundle.'
  },
  {
    group: ['**/src/storage/**', '**/src/jira/**', '**/src/usecases/**', '**/src/handlers/**', '**/local/**'],
    message: 'The UI may import only src/contract and src/domain.'
  }
];
const bridge = {
  group: ['@forge/bridge', '@forge/bridge/*'],
  message: 'Call the backend and the host through static/src/api.'
};
const apiInternals = {
  // `startup` is the slice a boot script loads before the app: the full index would put
  // the query library in the boot chunk, ahead of the first invoke.
  group: ['**/api/*', '!**/api/index', '!**/api/startup'],
  message: 'Import from the api folder’s index (or, in a boot script, its startup slice), not its internals.'
};
const otherFeatures = (self) => ({
  group: ['panel', 'project', 'admin'].filter((f) => f !== self).map((f) => `**/${f}/**`),
  message: 'Features do not import each other; move shared code to static/src/shared.'
});

export const uiBoundaries = [
  {
    files: ['static/src/**/*.{ts,tsx}'],
    ignores: ['static/src/api/**', 'static/src/test/**', 'static/src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...backend, bridge, apiInternals] }] }
  },
  ...['panel', 'project', 'admin'].map((feature) => ({
    files: [`static/src/${feature}/**/*.{ts,tsx}`],
    ignores: ['static/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...backend, bridge, apiInternals, otherFeatures(feature)] }
      ]
    }
  })),
  {
    files: ['static/src/api/**/*.{ts,tsx}'],
    ignores: ['static/src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: backend }] }
  }
];
