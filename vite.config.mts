import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
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
const MODULES = ['panel', 'project', 'admin'] as const;
type Module = (typeof MODULES)[number];

// An ES module (.mts, so Vite loads it as ESM without a warning): no __dirname.
const staticDir = fileURLToPath(new URL('./static', import.meta.url));
const outDir = resolve(staticDir, 'dist');

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
          assetFileNames: `${name}/assets/[name]-[hash][extname]`
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

export default defineConfig({
  root: staticDir,
  base: './',
  // Vite 8 transforms TSX with oxc; the automatic runtime matches static/tsconfig.json.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [selfContainedHtml()],
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
