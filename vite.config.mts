import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions, type Plugin } from 'vite';

/**
 * One Vite build for every Custom UI module (`npx vite build`).
 *
 * Forge serves each resource directory (static/dist/panel, …/project, …/admin) under
 * its own URL prefix, so each must be self-contained: its own index.html, its own
 * assets, all loaded with relative paths (`base: './'`). A single multi-page Rollup
 * pass would put chunks shared by the modules (React, Atlaskit) in one common folder
 * that no resource could reach, so each module is its own client environment with
 * its own chunk graph, and the builder builds them all in one run.
 */
const MODULES = ['panel', 'project', 'admin', 'request'] as const;
type Module = (typeof MODULES)[number];

// An ES module (.mts, so Vite loads it as ESM without a warning): no __dirname.
const staticDir = fileURLToPath(new URL('./static', import.meta.url));
const outDir = resolve(staticDir, 'dist');

/**
 * Per module, what the app (`start.tsx`) needs at once and the boot script does not:
 * filled when the module graph is known (startupModules plugin), read while chunking.
 */
const startupModules = new Map<string, ReadonlySet<string>>();

function moduleEnvironment(name: Module): EnvironmentOptions {
  return {
    consumer: 'client',
    build: {
      // Every module writes into static/dist; its HTML lands at <module>/index.html
      // (its path relative to the root), so its assets go under <module>/ too.
      outDir,
      emptyOutDir: false,
      rollupOptions: {
        input: resolve(staticDir, name, 'index.html'),
        onwarn(warning, warn) {
          // TanStack Query marks its React modules 'use client' for bundlers of server
          // components; a Custom UI bundle has no server side, so dropping it is right.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
        output: {
          entryFileNames: `${name}/assets/[name]-[hash].js`,
          chunkFileNames: `${name}/assets/[name]-[hash].js`,
          assetFileNames: `${name}/assets/[name]-[hash][extname]`,
          // Left to itself, Rolldown cuts what the app needs at once into many chunks
          // along the lines of which lazy view shares what; they all load together
          // anyway, and one chunk (and one stylesheet) compresses better than seven.
          codeSplitting: {
            groups: [{ name: 'app', test: (id: string) => startupModules.get(name)?.has(id) === true }],
            includeDependenciesRecursively: false
          }
        }
      }
    }
  };
}

/**
 * With a relative base, Vite links an HTML page at <module>/index.html to its assets
 * as `../<module>/assets/…`: correct on disk, but it climbs out of the directory Forge
 * serves as the resource. Rewrites those links to `./assets/…` so each resource only
 * ever references files inside itself.
 */
function selfContainedHtml(): Plugin {
  return {
    name: 'customer-evidence:self-contained-html',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        const match = /^([^/]+)\/index\.html$/.exec(file.fileName);
        if (file.type !== 'asset' || !match || typeof file.source !== 'string') continue;
        file.source = file.source.split(`../${match[1]}/`).join('./');
        if (file.source.includes('../'))
          this.error(`${file.fileName} still links outside its resource directory`);
      }
    }
  };
}

/**
 * A module's entry is a small boot script that sends the first invoke and then imports
 * the app (`start.tsx`, in the `app` chunk) dynamically. The HTML names only the app's
 * stylesheet ahead (`preload`); the app's script is requested by the boot script's
 * import, right after the invoke has left. Named as `modulepreload` in the HTML, the
 * app's 360 KB arrived together with the boot script and delayed it (its first invoke
 * left about 100 ms after the floor page's); `bench/browser-timing-only.ts`, alternating
 * builds on one machine: 1.41–1.59 × the floor with the hint, 1.18–1.33 × without.
 * A `prefetch` hint is no better: low priority, and in a response the server marks
 * `no-store`, fetched for nothing. The bench counts the app chunk in the entry's size
 * all the same (bench/bundles.ts).
 */
function preloadStartStyles(): Plugin {
  return {
    name: 'customer-evidence:preload-start-styles',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      const start = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/start.tsx')));
      if (!entry || !start || start === entry) return;
      const scripts = new Set([start.fileName]);
      const styles = new Set<string>();
      for (const name of scripts) {
        const chunk = chunks.find((c) => c.fileName === name);
        chunk?.imports.forEach((i) => scripts.add(i));
        chunk?.viteMetadata?.importedCss.forEach((c) => styles.add(c));
      }
      for (const file of Object.values(bundle)) {
        const match = /^([^/]+)\/index\.html$/.exec(file.fileName);
        if (file.type !== 'asset' || !match || typeof file.source !== 'string') continue;
        const local = (name: string): string => `./${name.slice(match[1]!.length + 1)}`;
        const html = file.source;
        const links = [...styles].map(
          (n) => `<link rel="preload" as="style" crossorigin href="${local(n)}">`
        );
        file.source = html.replace('  </head>', `    ${links.join('\n    ')}\n  </head>`);
      }
    }
  };
}

/**
 * Packages whose index only re-exports, and whose named imports are rewritten to the
 * files that define each name. findStartupModules follows imports before unused code is
 * dropped: through `import { UNSAFE_inverseColorMap } from '@atlaskit/primitives'` (in
 * Heading) it reached every Emotion-based primitive, so the `app` group took them, and
 * Emotion with them, from the lazy chunks that use them into every first load (about
 * 11 KB gzip in the panel's). Imported from the defining file, only that file is reached.
 */
const BARRELS = ['@atlaskit/primitives', '@atlaskit/primitives/compiled'];

/** The barrel's names: exported name -> [the file that defines it, its name there]. */
function barrelNames(barrel: string): ReadonlyMap<string, readonly [string, string]> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve(`${barrel}/package.json`));
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { module?: string };
  if (pkg.module === undefined) throw new Error(`${barrel} names no ES module entry`);
  const index = resolve(root, pkg.module);
  const source = readFileSync(index, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const REEXPORT = /export \{([^}]*)\} from '(\.[^']*)';/g;
  if (source.replace(REEXPORT, '').trim() !== '') throw new Error(`${index} does more than re-export`);
  const names = new Map<string, readonly [string, string]>();
  for (const [, specs, from] of source.matchAll(REEXPORT)) {
    const base = resolve(dirname(index), from!);
    const file = existsSync(`${base}.js`) ? `${base}.js` : resolve(base, 'index.js');
    for (const spec of specs!.split(',')) {
      const [local, exported = local] = spec.trim().split(/\s+as\s+/);
      names.set(exported!, [file, local!]);
    }
  }
  return names;
}

function barrelImportsDirect(): Plugin {
  const barrels = new Map(BARRELS.map((b) => [b, barrelNames(b)]));
  const IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"];?/g;
  return {
    name: 'customer-evidence:barrel-imports-direct',
    enforce: 'pre',
    transform: {
      filter: { code: { include: BARRELS.map((b) => `'${b}'`) } },
      handler(code, id) {
        let changed = false;
        const out = code.replace(IMPORT, (all, specs: string, source: string) => {
          const names = barrels.get(source);
          if (!names) return all;
          changed = true;
          return specs
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
            .map((spec) => {
              const [imported, local = imported] = spec.replace(/^type\s+/, '').split(/\s+as\s+/);
              const target = names.get(imported!);
              if (!target) this.error(`${id}: ${source} exports no ${imported!}`);
              if (spec.startsWith('type ')) return '';
              return `import { ${target[1]} as ${local!} } from ${JSON.stringify(target[0])};`;
            })
            .join('\n');
        });
        return changed ? { code: out, map: null } : undefined;
      }
    }
  };
}

/** Records startupModules: the static closure of start.tsx minus the boot script's. */
function findStartupModules(): Plugin {
  return {
    name: 'customer-evidence:startup-modules',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const closure = (from: string | undefined): Set<string> => {
        const seen = new Set<string>(from === undefined ? [] : [from]);
        for (const id of seen) this.getModuleInfo(id)?.importedIds.forEach((i) => seen.add(i));
        return seen;
      };
      const boot = closure(ids.find((id) => this.getModuleInfo(id)?.isEntry));
      const app = closure(ids.find((id) => id.endsWith('/start.tsx')));
      startupModules.set(this.environment.name, new Set([...app].filter((id) => !boot.has(id))));
    }
  };
}

/**
 * `@forge/bridge` is CommonJS whose index re-exports every bridge API (object store,
 * realtime, Rovo, modals, permissions with its egress rules…), so a bundler cannot drop
 * the parts an app never calls. static/src/api is the only importer (lint enforces it);
 * its imports resolve here to a module that re-exports just what it uses, from the
 * bridge's own files, unchanged. Pinned with the bridge's version: a new name used in
 * static/src/api fails the build as a missing export until it is listed.
 */
const BRIDGE_USED: Readonly<Record<string, string>> = {
  // The files that define them, not their folders' index.js: those only re-export them
  // through tslib's `__exportStar`, and requiring tslib from CommonJS brings all of it
  // (about 5 KB gzip) into the first script of every module.
  invoke: 'invoke/invoke.js',
  router: 'router/router.js',
  showFlag: 'flag/index.js',
  requestJira: 'fetch/index.js'
};
/**
 * Of `view` the app calls only `view.theme.enable()`; the whole object would bring
 * `getContext` and with it @forge/i18n and lodash (about 5 KB gzip per entry). So `view`
 * holds just the members listed here, and any other one fails loudly when read (list it
 * here first) instead of being quietly undefined.
 */
const VIEW_USED: Readonly<Record<string, string>> = { theme: 'view/theme.js' };
/**
 * `view.getContext()` is the bridge call itself, without the locale check that brings
 * @forge/i18n: the app reads only the site's URL from the context (issue keys link to it).
 */
const VIEW_GET_CONTEXT = [
  'import { getCallBridge } from %BRIDGE%;',
  "const getContext = () => getCallBridge()('getContext');"
];
const BRIDGE_ID = '\0customer-evidence:forge-bridge';

function bridgeUsedOnly(): Plugin {
  return {
    name: 'customer-evidence:bridge-used-only',
    enforce: 'pre',
    resolveId(source) {
      return source === '@forge/bridge' ? BRIDGE_ID : undefined;
    },
    load(id) {
      if (id !== BRIDGE_ID) return undefined;
      const out = resolve(fileURLToPath(import.meta.resolve('@forge/bridge')), '..');
      const from = (file: string): string => JSON.stringify(resolve(out, file));
      const members = [...Object.keys(VIEW_USED), 'getContext'];
      return [
        ...Object.entries(BRIDGE_USED).map(([name, file]) => `export { ${name} } from ${from(file)};`),
        ...Object.entries(VIEW_USED).map(([name, file]) => `import { ${name} } from ${from(file)};`),
        ...VIEW_GET_CONTEXT.map((line) => line.replace('%BRIDGE%', from('bridge.js'))),
        `export const view = new Proxy({ ${members.join(', ')} }, {`,
        '  get(target, key) {',
        "    if (typeof key !== 'string' || key in target) return target[key];",
        '    throw new Error(`view.${key} is not in this build: add it to VIEW_USED in vite.config.mts`);',
        '  }',
        '});'
      ].join('\n');
    }
  };
}

/**
 * `token('color.border')` of @atlaskit/tokens looks the name up at run time in a map of
 * every design token (about 5 KB gzip), so each module's first download carried the
 * whole map for the few dozen names the app uses. The names are known when building:
 * this replaces each call in the app's own code with the very string `token()` would
 * return (`var(--ds-border)`, or `var(--ds-radius-full, 9999px)` with a fallback), and
 * the import, then unused, leaves the bundle. The same map decides, so light and dark
 * themes resolve exactly as before; tests, which run the sources, call the real `token()`.
 * A name that is not a token, or a call whose name is not written as a string (or a
 * condition choosing between strings), fails the build rather than shipping the map again.
 */
const TOKEN_CALL = /\btoken\(/g;
const STRING = /'([^'\\]*)'|"([^"\\]*)"/g;

/** The argument text of the call whose `(` is at `open`, up to its matching `)`. */
function callArguments(code: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < code.length; i += 1) {
    if (code[i] === '(') depth += 1;
    else if (code[i] === ')' && --depth === 0) return code.slice(open + 1, i);
  }
  return undefined;
}

function tokensAtBuildTime(): Plugin {
  const names = createRequire(import.meta.url)('@atlaskit/tokens/token-names') as {
    default: Readonly<Record<string, string>>;
  };
  const cssVar = (name: string, fallback?: string): string | undefined => {
    const variable = names.default[name];
    if (variable === undefined) return undefined;
    return fallback === undefined ? `var(${variable})` : `var(${variable}, ${fallback})`;
  };
  return {
    name: 'customer-evidence:tokens-at-build-time',
    enforce: 'pre',
    transform: {
      filter: { id: /\/static\/src\/.*\.tsx?$/, code: '@atlaskit/tokens' },
      handler(code, id) {
        let out = '';
        let from = 0;
        for (const match of code.matchAll(TOKEN_CALL)) {
          const open = match.index + match[0].length - 1;
          const args = callArguments(code, open);
          if (args === undefined) this.error(`${id}: token( without its closing parenthesis`);
          const [path, fallback, ...extra] = args.split(',').map((a) => a.trim());
          const fallbackText = fallback === undefined ? undefined : /^'([^']*)'$|^"([^"]*)"$/.exec(fallback);
          if (path === undefined || extra.length > 0 || (fallback !== undefined && !fallbackText))
            this.error(`${id}: token(${args}) is not token('name') or token('name', 'fallback')`);
          let literals = 0;
          const replaced = path.replace(STRING, (_all, single?: string, double?: string) => {
            literals += 1;
            const name = single ?? double ?? '';
            const value = cssVar(name, fallbackText?.[1] ?? fallbackText?.[2]);
            if (value === undefined) this.error(`${id}: '${name}' is not a design token`);
            return JSON.stringify(value);
          });
          if (literals === 0) this.error(`${id}: token(${args}) names no token as a string`);
          out += `${code.slice(from, match.index)}(${replaced})`;
          from = open + args.length + 2;
        }
        return from === 0 ? undefined : { code: out + code.slice(from), map: null };
      }
    }
  };
}

/** The stand-in for Atlassian's feature-gate client: see that file for why it is safe. */
const featureGatesOff = resolve(staticDir, 'src', 'vendor', 'feature-gates-off.ts');

/**
 * Keeps the feature-gate client out for good: Atlaskit reaches it only as the package's
 * default export (`…/feature-gates`, aliased below). Any other entry point, or Statsig
 * itself, would bring the real client back and could ask for answers the stand-in does
 * not give, so the build fails instead of quietly growing.
 */
function noFeatureGateClient(): Plugin {
  return {
    name: 'customer-evidence:no-feature-gate-client',
    enforce: 'pre',
    resolveId(source, importer) {
      if (/^(@atlaskit\/feature-gate-js-client|@statsig)(\/|$)/.test(source))
        this.error(`${source} (imported by ${importer ?? 'an entry'}) is not aliased to ${featureGatesOff}`);
    }
  };
}

/**
 * Atlaskit's compiled primitives ship atomic CSS (one class per property) that relies on
 * one ordering rule: a shorthand (`font`, `padding`…) comes before any longhand
 * (`font-weight`, `padding-top`…), so that an element with both, such as Text with
 * `weight="semibold"`, gets the longhand. Compiled's own tooling sorts its extracted sheet
 * that way; concatenating the packages' `.compiled.css` files in import order does not,
 * and a `font` rule from a later file then resets every earlier `font-weight` to 400.
 * This moves each top-level atomic rule that sets a shorthand ahead of the rest,
 * keeping the order within each group.
 */
const SHORTHANDS = new Set([
  'all',
  'animation',
  'background',
  'border',
  'border-block',
  'border-block-end',
  'border-block-start',
  'border-bottom',
  'border-color',
  'border-inline',
  'border-inline-end',
  'border-inline-start',
  'border-left',
  'border-radius',
  'border-right',
  'border-style',
  'border-top',
  'border-width',
  'columns',
  'flex',
  'flex-flow',
  'font',
  'gap',
  'grid',
  'grid-area',
  'grid-column',
  'grid-row',
  'grid-template',
  'inset',
  'inset-block',
  'inset-inline',
  'list-style',
  'margin',
  'margin-block',
  'margin-inline',
  'outline',
  'overflow',
  'padding',
  'padding-block',
  'padding-inline',
  'place-content',
  'place-items',
  'place-self',
  'text-decoration',
  'transition'
]);

/** Splits a stylesheet into its top-level blocks (rules and at-rules), in order. */
function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i += 1) {
    const c = css[i];
    if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) {
        blocks.push(css.slice(start, i + 1));
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      // A statement such as @charset or @import.
      blocks.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < css.length && css.slice(start).trim() !== '') blocks.push(css.slice(start));
  return blocks;
}

/** The one property an atomic class rule (`._abc{font:…}`, `._abc:hover{…}`) sets, if it is one. */
function atomicProperty(block: string): string | undefined {
  const match = /^\s*\.[_a-zA-Z0-9-]+[^{]*\{\s*([a-z-]+)\s*:[^;{}]*;?\s*\}$/.exec(block);
  return match?.[1];
}

function shorthandsFirst(css: string): string {
  const blocks = topLevelBlocks(css);
  const leading: string[] = [];
  const shorthands: string[] = [];
  const rest: string[] = [];
  for (const block of blocks) {
    const trimmed = block.trim();
    if (trimmed.startsWith('@charset') || trimmed.startsWith('@import')) leading.push(block);
    else if (SHORTHANDS.has(atomicProperty(block) ?? '')) shorthands.push(block);
    else rest.push(block);
  }
  return [...leading, ...shorthands, ...rest].join('');
}

/** Orders each emitted stylesheet as Compiled's atomic CSS needs (see shorthandsFirst). */
function atomicCssOrder(): Plugin {
  return {
    name: 'customer-evidence:atomic-css-order',
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type === 'asset' && asset.fileName.endsWith('.css') && typeof asset.source === 'string')
          asset.source = shorthandsFirst(asset.source);
      }
    }
  };
}

export default defineConfig({
  root: staticDir,
  base: './',
  // Vite 8 transforms TSX with oxc; the automatic runtime matches static/tsconfig.json.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    noFeatureGateClient(),
    bridgeUsedOnly(),
    tokensAtBuildTime(),
    barrelImportsDirect(),
    findStartupModules(),
    selfContainedHtml(),
    preloadStartStyles(),
    atomicCssOrder()
  ],
  resolve: {
    alias: [{ find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: featureGatesOff }]
  },
  environments: Object.fromEntries(MODULES.map((m) => [m, moduleEnvironment(m)])),
  builder: {
    async buildApp(builder) {
      // The modules share one outDir, so clean it once here rather than per module.
      await rm(outDir, { recursive: true, force: true });
      for (const m of MODULES) {
        const environment = builder.environments[m];
        if (!environment) throw new Error(`Vite environment "${m}" is not configured`);
        await builder.build(environment);
      }
    }
  },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: true }
});
