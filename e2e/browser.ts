import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestBrowser {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile directory, driven by Playwright. */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'tredegar-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
  });
  return {
    browser: context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails the test with readable violations unless the page passes axe's WCAG 2.x A/AA (incl. 2.2) rules. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(problems, `axe violations on ${label}`).toEqual([]);
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling at phone width). */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(0);
}

/** Every page is checked the same way: axe (WCAG 2.2 AA) and, at phone width, no sideways scrolling. */
export async function checkPage(page: Page, label: string, opts: { phone?: boolean } = {}): Promise<void> {
  await expectAccessible(page, label);
  if (opts.phone ?? true) await expectNoHorizontalScroll(page, label);
}

/** Runs a journey; on failure, saves a screenshot beside the temp files and names it in the error. */
export async function journey(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    const shot = join(tmpdir(), `tredegar-${name}-failure.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    (err as Error).message += `\n(at ${page.url()}; screenshot ${shot})`;
    throw err;
  }
}

export type { Browser, Page };
