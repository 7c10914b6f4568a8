import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The production Custom UI bundles (`npm run build:ui`, into static/dist) must carry
 * none of the local Forge host: its SQLite storage, its fake `__forge_fetch__` or the
 * host itself would ship to every Jira site, and in the browser they either break the
 * page or expose test machinery. The UI may import only src/contract and src/domain;
 * this checks what actually ended up in the bundles, whatever the import graph says.
 *
 * It builds nothing: `npm test` builds before the unit tests run.
 */
const distDir = path.resolve(__dirname, '..', 'static', 'dist');
const MODULES = ['panel', 'project', 'admin', 'request'] as const;

/** What must not appear, and the pattern that finds it. */
const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'the local Forge host (local/host)', pattern: /local\/host/ },
  { what: 'the local Forge host (LocalForge)', pattern: /LocalForge/ },
  { what: 'SQLite (better-sqlite3)', pattern: /better-sqlite3/ },
  { what: 'SQLite', pattern: /sqlite/i },
  { what: 'the host’s __forge_fetch__', pattern: /__forge_fetch__/ }
];

/** A stylesheet without its at-rule blocks (@media, @supports…). */
function outsideAtRules(css: string): string {
  let out = '';
  let depth = 0;
  let inAtRule = false;
  for (let i = 0; i < css.length; i += 1) {
    const c = css[i];
    if (depth === 0 && c === '@') inAtRule = true;
    if (!inAtRule) out += c;
    if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) inAtRule = false;
    } else if (c === ';' && depth === 0) inAtRule = false;
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function bundleOf(module: string): string[] {
  const dir = path.join(distDir, module);
  const files = existsSync(dir) ? filesUnder(dir) : [];
  if (!files.some((f) => f.endsWith('index.html')) || !files.some((f) => f.endsWith('.js')))
    throw new Error(
      `No production bundle for the ${module} module in ${path.relative(process.cwd(), dir)}: ` +
        'run `npm run build:ui` first (npm test runs it before the unit tests).'
    );
  return files;
}

describe.each(MODULES)('the %s bundle', (module) => {
  it('contains nothing of the local host, SQLite or __forge_fetch__', () => {
    const found = bundleOf(module).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter((f) => f.pattern.test(text)).map(
        (f) => `${path.relative(distDir, file)}: ${f.what}`
      );
    });
    expect(found).toEqual([]);
  });

  it('keeps each atomic font rule before the font weights it would otherwise reset', () => {
    // Atlaskit's compiled primitives rely on shorthands coming first (see vite.config.mts,
    // shorthandsFirst): a `font` rule after a `font-weight` one makes semibold text regular.
    const late = bundleOf(module)
      .filter((file) => file.endsWith('.css'))
      .flatMap((file) => {
        const css = outsideAtRules(readFileSync(file, 'utf8'));
        // Top-level single-class atomic rules only: element rules (the CSS reset) and
        // doubled classes rank below or above them by specificity whatever their order, and
        // a media query's rules are meant to override when it matches.
        const firstWeight = css.search(/(^|\})\._[a-zA-Z0-9]+\{font-weight:/);
        const fonts = [...css.matchAll(/(^|\})\._[a-zA-Z0-9]+\{font:/g)].map((m) => m.index);
        return firstWeight >= 0 && fonts.some((at) => at > firstWeight) ? [path.relative(distDir, file)] : [];
      });
    expect(late).toEqual([]);
  });
});
