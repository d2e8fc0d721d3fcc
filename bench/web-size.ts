/**
 * Web client first load: the gzipped JavaScript a first visit to each page downloads (the entry's
 * static imports, the page chunk's, its strings' and any section it renders at once), from the build
 * manifest. Sizes are deterministic.
 *
 *   npx tsx bench/web-size.ts [--dist DIR]
 *
 * Without --dist it builds the client into a temporary directory first. Writes bench/results/web-size.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './lib/stats.ts';
import { appPages, firstLoadSizes, firstLoadTable } from './lib/webFirstLoad.ts';

const { values: args } = parseArgs({ options: { dist: { type: 'string' } } });
const repo = new URL('..', import.meta.url).pathname;
let dist = args.dist;
let temporary: string | undefined;
if (!dist) {
  temporary = mkdtempSync(join(tmpdir(), 'tredegar-web-size-'));
  dist = temporary;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--manifest', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
}

try {
  const rows = firstLoadSizes(dist, await appPages());
  console.log(firstLoadTable(rows, 200 * 1024));
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  const result = {
    machine: machine(),
    measure: 'sum of gzip -9 sizes of the JS files a first visit fetches: the static-import closure of index.html, the page chunk, its strings and first-paint sections',
    budgetKb: 200,
    pages: rows.map((r) => ({ kind: r.kind, paths: r.paths, chunks: r.label, firstLoadKb: kb(r.gzipBytes), ownKb: kb(r.ownGzipBytes), files: r.chunks.length })),
  };
  writeFileSync(new URL('results/web-size.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
