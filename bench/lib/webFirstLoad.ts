import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RouteObject } from 'react-router';
import { routePages, webSrc } from '../../test/pageStringDomains.ts';

/** One chunk of a Vite build manifest (`vite build --manifest`, written to <outDir>/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  name?: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** A page as the browser fetches it on a first visit: the app entry, the page's chunk, its strings. */
export interface Page {
  paths: string[];
  /** A page with what it fetches right after its first paint (afterFirstPaint), not a first load. */
  after?: boolean;
  /** Manifest keys (source files relative to web/) of the chunks fetched, each with its static imports. */
  chunks: string[];
}

/** What a first visit to a page (or an entry) downloads. */
export interface FirstLoad {
  label: string;
  kind: 'entry' | 'page' | 'after' | 'lazy';
  paths: string[];
  /** Gzip -9 bytes of every JS file fetched, summed. */
  gzipBytes: number;
  /** Gzip -9 bytes beyond the app entry's (0 for entries). */
  ownGzipBytes: number;
  /** Manifest keys of the JS chunks fetched. */
  chunks: string[];
}

const web = join(webSrc, '..');
const key = (file: string) => relative(web, file);

/**
 * Lazy sections a page renders at once for an organiser (React.lazy, not behind a click), so a first
 * visit fetches them too. Keyed by route path; values are sources relative to web/.
 */
export const firstPaintSections: Record<string, string[]> = {
  '/people/:id': ['src/routes/conversations/person/PersonOrganising.tsx'],
};

/** Parts a page fetches as soon as it is shown (not behind a click), listed as a second row "<path> +". */
export const afterFirstPaint: Record<string, string[]> = {
  '/people/:id': ['src/routes/people/TagPicker.tsx'],
};

/** The public event pages are an entry of their own (every app page is a lazy route on top of index.html). */
const entryPaths: Record<string, string[]> = { 'event.html': ['/e/…'] };

/** Every lazily loaded page with the chunks a first visit fetches: its code, its strings and first-paint sections. */
export async function appPages(): Promise<Page[]> {
  const pages = new Map<string, Page>();
  const declared = new Map<string, string[]>();
  for (const routesFile of new Set(routePages().map((p) => p.routesFile))) {
    const mod = (await import(routesFile)) as Record<string, RouteObject[]>;
    for (const list of Object.values(mod)) for (const r of list) if (r.path) declared.set(r.path, (r.handle as { strings?: string[] } | undefined)?.strings ?? []);
  }
  for (const { path, source } of routePages()) {
    const chunks = ['index.html', key(source), ...(declared.get(path) ?? []).map((d) => `src/i18n/en/${d}.ts`), ...(firstPaintSections[path] ?? [])];
    // Paths with the same page and strings (e.g. new and edit forms) load the same thing.
    const id = chunks.join(' ');
    const page = pages.get(id);
    if (page) page.paths.push(path);
    else pages.set(id, { paths: [path], chunks });
    if (afterFirstPaint[path]) pages.set(`${id} +`, { paths: [`${path} +`], after: true, chunks: [...chunks, ...afterFirstPaint[path]] });
  }
  return [...pages.values()];
}

/** First-load gzipped JS of every entry, every page and every other lazy chunk of a built web client. */
export function firstLoadSizes(distDir: string, pages: Page[]): FirstLoad[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<string, number>();
  const gz = (k: string) => {
    let n = sizes.get(k);
    if (n === undefined) {
      const file = manifest[k]!.file;
      n = file.endsWith('.js') ? gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length : 0;
      sizes.set(k, n);
    }
    return n;
  };
  // A module imported both statically (by another entry) and dynamically is keyed by its chunk, not its
  // source: find it among the dynamic imports by name. Strings a build bundles into the entry
  // (as builds before per-page strings did) have no chunk of their own and cost nothing more.
  const resolve = (k: string): string | undefined => {
    if (manifest[k]) return k;
    const name = k.replace(/^.*\//, '').replace(/\.tsx?$/, '');
    const found = [...new Set(Object.values(manifest).flatMap((c) => c.dynamicImports ?? []))].filter((d) => manifest[d]?.name === name);
    if (found.length === 1) return found[0]!;
    if (k.startsWith('src/i18n/') && found.length === 0) return undefined;
    throw new Error(`${k} is not in the build manifest (${join(distDir, '.vite/manifest.json')})`);
  };
  // The static-import closure of chunks: the JS files the browser fetches before they run.
  const closure = (keys: string[], into = new Set<string>()) => {
    const visit = (source: string) => {
      const k = resolve(source);
      if (k === undefined || into.has(k)) return;
      into.add(k);
      for (const dep of manifest[k]!.imports ?? []) visit(dep);
    };
    keys.forEach(visit);
    return into;
  };
  const sum = (keys: Iterable<string>) => [...keys].reduce((s, k) => s + gz(k), 0);
  const app = closure(['index.html']);
  const appBytes = sum(app);
  const row = (label: string, kind: FirstLoad['kind'], paths: string[], keys: Set<string>): FirstLoad => {
    const bytes = sum(keys);
    return { label, kind, paths, gzipBytes: bytes, ownGzipBytes: kind === 'entry' ? 0 : bytes - appBytes, chunks: [...keys] };
  };
  const out: FirstLoad[] = [];
  for (const k of Object.keys(manifest).filter((k) => manifest[k]!.isEntry)) out.push(row(k, 'entry', entryPaths[k] ?? [], closure([k])));
  const pageChunks = new Set(pages.flatMap((p) => p.chunks.map(resolve)));
  for (const p of pages) out.push(row(p.chunks.slice(1).join(' + '), p.after ? 'after' : 'page', p.paths, closure(p.chunks)));
  // Chunks fetched later (charts, sections, strings), on top of the entry.
  for (const k of Object.keys(manifest).filter((k) => manifest[k]!.isDynamicEntry && !pageChunks.has(k))) out.push(row(k, 'lazy', [], closure([k], new Set(app))));
  return out;
}

/** A fixed-width table of first loads: entries, pages, pages with what follows their first paint, lazy chunks; largest first. */
export function firstLoadTable(rows: FirstLoad[], budgetBytes?: number): string {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const order = { entry: 0, page: 1, after: 2, lazy: 3 };
  const sorted = [...rows].sort((a, b) => order[a.kind] - order[b.kind] || b.gzipBytes - a.gzipBytes);
  const lines = sorted.map((r) => {
    const flag = budgetBytes !== undefined && (r.kind === 'entry' || r.kind === 'page') && r.gzipBytes > budgetBytes ? '  OVER' : '';
    const what = r.paths.length ? `${r.paths.join(', ')}  [${r.label}]` : r.label;
    return `${kb(r.gzipBytes).padStart(8)} ${kb(r.ownGzipBytes).padStart(8)} ${String(r.chunks.length).padStart(5)}  ${r.kind.padEnd(5)}  ${what}${flag}`;
  });
  return [`${'KB gzip'.padStart(8)} ${'own KB'.padStart(8)} ${'files'.padStart(5)}  kind   page [chunks]`, ...lines].join('\n');
}
