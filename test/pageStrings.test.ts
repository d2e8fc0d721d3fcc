import { join } from 'node:path';
import type { RouteObject } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { domainsUsed, loadCatalogues, moduleClosure, routePages, webSrc } from './pageStringDomains.ts';

// The web client fetches each domain's strings with the pages that declare it (sessionRoute/lazyRoute in
// web/src/components/sessionRoute.tsx); a page whose code uses an undeclared domain would show raw keys.
let catalogues: Awaited<ReturnType<typeof loadCatalogues>>;
const pages = routePages();

beforeAll(async () => {
  catalogues = await loadCatalogues();
});

async function declaredStrings(routesFile: string): Promise<Map<string, string[]>> {
  const mod = (await import(routesFile)) as Record<string, RouteObject[]>;
  const byPath = new Map<string, string[]>();
  for (const list of Object.values(mod)) for (const r of list) if (r.path) byPath.set(r.path, (r.handle as { strings?: string[] } | undefined)?.strings ?? []);
  return byPath;
}

describe('web strings are loaded with the pages that use them', () => {
  it('finds the pages and the strings they use (the check can fail)', () => {
    expect(pages.length).toBeGreaterThan(20);
    const person = pages.find((p) => p.path === '/people/:id')!;
    const used = domainsUsed(moduleClosure(person.source), catalogues);
    expect([...used.keys()]).toEqual(expect.arrayContaining(['people', 'conversations']));
  });

  it('the entry bundle uses only the shell strings (common.ts)', () => {
    const shell = moduleClosure(join(webSrc, 'main.tsx'), true);
    expect(shell.size).toBeGreaterThan(5);
    expect(Object.fromEntries(domainsUsed(shell, catalogues))).toEqual({ common: expect.any(String) });
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s declares every strings domain its code uses', async (_path, page) => {
    const declared = (await declaredStrings(page.routesFile)).get(page.path);
    expect(declared, `${page.path} not found in ${page.routesFile}`).toBeDefined();
    const used = domainsUsed(moduleClosure(page.source), catalogues);
    used.delete('common');
    const missing = [...used].filter(([d]) => !declared!.includes(d)).map(([d, example]) => `${d} (e.g. ${example})`);
    expect(missing.join('; '), `add these domains to the strings of ${page.path} in ${page.routesFile}`).toBe('');
  });
});
