import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which strings domains (web/src/i18n/en/<domain>.ts) a page's code uses, read statically: every
 * .ts/.tsx file the page reaches through relative imports (static or dynamic) is scanned for string
 * literals that name a key of a domain's catalogue (`'people.list.title'`, `` `people.membership.${s}` ``).
 */
export const webSrc = fileURLToPath(new URL('../web/src/', import.meta.url));

/** Every lazily loaded page: its URL path and its source file, read from web/src/routes/<domain>/routes.tsx. */
export function routePages(): { path: string; source: string; routesFile: string }[] {
  const pages: { path: string; source: string; routesFile: string }[] = [];
  const routesDir = join(webSrc, 'routes');
  for (const domain of readdirSync(routesDir, { withFileTypes: true })) {
    const routesFile = join(routesDir, domain.name, 'routes.tsx');
    if (!domain.isDirectory() || !existsSync(routesFile)) continue;
    // e.g. sessionRoute('/people/:id', () => import('./person/PersonPage.tsx')...)
    for (const m of readFileSync(routesFile, 'utf8').matchAll(/\(\s*'([^']+)'\s*,\s*\(\)\s*=>\s*import\('([^']+)'\)/g)) {
      pages.push({ path: m[1]!, source: join(dirname(routesFile), m[2]!), routesFile });
    }
  }
  return pages;
}

/** Top-level key → domain file name, and the catalogue objects, for every domain file but index.ts. */
export async function loadCatalogues(): Promise<{ domainOfKey: Map<string, string>; catalogue: Record<string, unknown> }> {
  const domainOfKey = new Map<string, string>();
  const catalogue: Record<string, unknown> = {};
  const dir = join(webSrc, 'i18n/en');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const domain = file.slice(0, -3);
    const mod = (await import(join(dir, file))) as Record<string, Record<string, unknown>>;
    for (const strings of Object.values(mod)) {
      for (const [key, value] of Object.entries(strings)) {
        domainOfKey.set(key, domain);
        catalogue[key] = value;
      }
    }
  }
  return { domainOfKey, catalogue };
}

const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+\.tsx?)'/g;
const literalPattern = /['`]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)*\.?)(?=\$\{|['`])/g;

const staticImportPattern = /(?:from\s+|import\s+)'(\.{1,2}\/[^']+\.tsx?)'/g;

/** Files a module reaches through relative imports (dynamic ones too, unless staticOnly), itself included. */
export function moduleClosure(entry: string, staticOnly = false, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(staticOnly ? staticImportPattern : importPattern)) moduleClosure(join(dirname(entry), m[1]!), staticOnly, seen);
  return seen;
}

/** Whether a dotted key names a string in the catalogue, or a key prefix ending in '.' names a group. */
function resolves(catalogue: Record<string, unknown>, key: string): boolean {
  let node: unknown = catalogue;
  const parts = key.split('.');
  const open = parts[parts.length - 1] === '';
  for (const part of open ? parts.slice(0, -1) : parts) {
    if (node === null || typeof node !== 'object') return false;
    const obj = node as Record<string, unknown>;
    // Plural forms live under key_one, key_other.
    node = part in obj ? obj[part] : Object.keys(obj).some((k) => k.startsWith(`${part}_`)) ? '' : undefined;
  }
  // A whole key names a string; a prefix (`people.membership.${status}`) names a group.
  return open ? node !== null && typeof node === 'object' : typeof node === 'string';
}

/** The domains whose strings the files use, with one example key each. */
export function domainsUsed(files: Iterable<string>, cat: { domainOfKey: Map<string, string>; catalogue: Record<string, unknown> }): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(literalPattern)) {
      const key = m[1]!;
      // A key prefix (`people.membership.${s}`) counts only as t()'s argument: elsewhere it is likely a path.
      if (key.endsWith('.') && !/\bt\(\s*$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const domain = cat.domainOfKey.get(key.split('.')[0]!);
      if (domain && key.includes('.') && resolves(cat.catalogue, key) && !used.has(domain)) used.set(domain, `${key} in ${relative(webSrc, file)}`);
    }
  }
  return used;
}
