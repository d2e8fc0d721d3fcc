import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPages, firstLoadSizes, firstLoadTable, type FirstLoad } from '../bench/lib/webFirstLoad.ts';

// The architecture brief's target: a first visit to a phone route loads at most 200 KB of gzipped
// JavaScript. Sizes come from the built client's manifest (npm run test:e2e builds it first), so this
// is deterministic, not a timing.
const budget = 200 * 1024;
const dist = process.env.TREDEGAR_WEB_DIST ?? fileURLToPath(new URL('../web/dist', import.meta.url));

/** The pages organisers and volunteers use on their phones. */
const phonePages = ['/sign-in', '/sign-in/complete', '/', '/people', '/people/:id', '/conversations', '/conversations/new', '/conversations/:id', '/organising', '/organising/my-people'];
/** Phone pages checked once they exist: hosts' event pages and check-in. */
const phonePagesOnceBuilt = ['/events', '/events/:id', '/events/:id/check-in'];

let rows: FirstLoad[];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pageRow = (path: string) => rows.find((r) => r.kind === 'page' && r.paths.includes(path));

beforeAll(async () => {
  if (!existsSync(join(dist, '.vite', 'manifest.json'))) throw new Error(`no build manifest in ${dist}: run npm run build:web (or set TREDEGAR_WEB_DIST to a build made with --manifest)`);
  rows = firstLoadSizes(dist, await appPages());
  console.log(`First load of every page, gzipped JS (budget ${kb(budget)} on phone routes):\n${firstLoadTable(rows, budget)}`);
});

describe('web client first load', () => {
  it('measures the entry, every page and the chart library (the measure can see a page over budget)', () => {
    expect(rows.find((r) => r.kind === 'entry' && r.label === 'index.html')!.gzipBytes).toBeGreaterThan(50 * 1024);
    const plot = rows.find((r) => r.kind === 'lazy' && r.label.includes('@observablehq/plot'));
    expect(plot, 'Observable Plot is its own lazy chunk').toBeDefined();
    expect(plot!.gzipBytes).toBeGreaterThan(budget);
  });

  it('keeps Observable Plot out of every phone page', () => {
    const plot = rows.find((r) => r.kind === 'lazy' && r.label.includes('@observablehq/plot'))!.label;
    const withPlot = [...phonePages, ...phonePagesOnceBuilt].map(pageRow).filter((r) => r?.chunks.includes(plot));
    expect(withPlot.map((r) => r!.paths.join(', '))).toEqual([]);
  });

  it(`loads at most ${kb(budget)} of gzipped JavaScript on a first visit to each phone route`, () => {
    const missing = phonePages.filter((p) => !pageRow(p));
    expect(missing, 'phone routes not found among the built pages').toEqual([]);
    const checked = [...phonePages, ...phonePagesOnceBuilt.filter(pageRow)].map((p) => pageRow(p)!);
    const over = checked.filter((r) => r.gzipBytes > budget).map((r) => `${r.paths.join(', ')}: ${kb(r.gzipBytes)} (${r.label})`);
    expect(over).toEqual([]);
  });
});
