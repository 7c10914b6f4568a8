import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../local/host/local-forge';

export interface BundleRow {
  entry: string;
  gzipBytes: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Gzip bytes each Custom UI entry makes the browser download: its HTML plus every
 * script and stylesheet it references (shared chunks count for each entry that loads them).
 */
export function bundleSizes(): BundleRow[] {
  const dist = path.join(REPO_ROOT, 'static', 'dist');
  let entries: string[];
  try {
    entries = readdirSync(dist).filter((name) => statSync(path.join(dist, name)).isDirectory());
  } catch {
    return [];
  }
  return entries.map((entry) => {
    const dir = path.join(dist, entry);
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) =>
      path.join(dir, m[1]!)
    );
    const imports = new Set<string>(referenced);
    // Follow static imports between chunks, however deep (a Set visits what is added
    // while iterating), so shared code is counted.
    for (const file of imports) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/from"\.\/([^"]+\.js)"|import"\.\/([^"]+\.js)"/g)) {
        imports.add(path.join(path.dirname(file), m[1] ?? m[2]!));
      }
      // A boot script imports the app dynamically, as soon as it has sent its first
      // reads: the `app` chunk and stylesheet (the startup group in vite.config.mts) are
      // downloaded by every load, so they count; other lazy chunks load on first use.
      if (file.endsWith('.js')) {
        for (const m of code.matchAll(/"\.\/(app-[^"]+\.(?:js|css))"/g)) {
          imports.add(path.join(path.dirname(file), m[1]!));
        }
      }
    }
    const files = [path.join(dir, 'index.html'), ...imports].filter(
      (f) => filesUnder(dir).includes(f) || f.endsWith('index.html')
    );
    const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
    return { entry, gzipBytes };
  });
}
