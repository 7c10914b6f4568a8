import boundaries from 'eslint-plugin-boundaries';

/**
 * The backend's layers and each Forge SDK's folder, as flat-config objects to spread
 * into eslint.config.mjs (`...backendLayers`). README.md, "Architecture", explains them.
 *
 * A layer imports only the layers below it, so no two folders can import each other:
 *
 *   domain ← contract ← storage, jira, sync (the adapters, which never import each other)
 *          ← usecases ← handlers ← src/index.ts
 *
 * and the Custom UI (static/src) imports only src/contract and src/domain. Each SDK is
 * imported in one folder only. Files of one folder import each other freely.
 */

/** Each layer, the folder it is, and the layers it may import. */
const LAYERS = [
  { type: 'domain', pattern: 'src/domain', imports: [] },
  { type: 'contract', pattern: 'src/contract', imports: ['domain'] },
  { type: 'storage', pattern: 'src/storage', imports: ['domain', 'contract'] },
  { type: 'jira', pattern: 'src/jira', imports: ['domain', 'contract'] },
  { type: 'sync', pattern: 'src/sync', imports: ['domain', 'contract'] },
  {
    type: 'usecases',
    pattern: 'src/usecases',
    imports: ['domain', 'contract', 'storage', 'jira', 'sync']
  },
  // Handlers are wiring: parse, authorise, call a use case. The queue consumer also
  // parses its events and answers retries through the queue adapter (src/sync).
  { type: 'handlers', pattern: 'src/handlers', imports: ['domain', 'contract', 'usecases', 'sync'] },
  { type: 'ui', pattern: 'static/src', imports: ['domain', 'contract'] }
];

/** Each SDK and the one layer that may import it. */
const SDKS = [
  {
    source: '@forge/kvs',
    layer: 'storage',
    message: 'Only src/storage talks to Forge storage (@forge/kvs).'
  },
  { source: '@forge/api', layer: 'jira', message: 'Only src/jira calls Jira (@forge/api).' },
  {
    source: '@forge/events',
    layer: 'sync',
    message: 'Only src/sync talks to Forge queues and events (@forge/events).'
  },
  {
    source: '@forge/resolver',
    layer: 'handlers',
    message: 'Only src/handlers define resolvers (@forge/resolver).'
  },
  { source: '@forge/bridge', layer: 'ui', message: 'Only the Custom UI uses @forge/bridge.' }
];

const policies = [
  ...LAYERS.filter((layer) => layer.imports.length > 0).map((layer) => ({
    from: { element: { type: layer.type } },
    allow: { to: { element: { type: layer.imports } } }
  })),
  // src/index.ts exports the handlers, in manifest order, and nothing else.
  { from: { file: { categories: 'entry' } }, allow: { to: { element: { type: 'handlers' } } } },
  // Packages and Node's modules are allowed, except the SDKs outside their folder (below).
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  ...SDKS.map(({ source, layer, message }) => ({
    from: { element: { type: `!${layer}` } },
    disallow: { to: { module: { source } } },
    message
  }))
];

export const backendLayers = [
  {
    files: ['src/**/*.ts', 'static/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': LAYERS.map(({ type, pattern }) => ({ type, pattern, partialMatch: false })),
      'boundaries/files': [{ category: 'entry', pattern: 'src/index.ts' }],
      // Resolves imports the way tsc does, paths included, for both tsconfig projects.
      'import/resolver': {
        typescript: { project: ['tsconfig.json', 'static/tsconfig.json'], noWarnOnMultipleProjects: true }
      }
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          policies
        }
      ]
    }
  }
];
