import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * What assistive technology would call the focused element, roughly: aria-label, then aria-labelledby, then its
 * labels, then its own text (the first that gives anything, as in the accessible name computation).
 */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const byIds = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => (id ? document.getElementById(id)?.textContent ?? '' : '')).join(' ');
    const labels = 'labels' in el && (el as HTMLInputElement).labels ? [...(el as HTMLInputElement).labels!].map((l) => l.textContent ?? '').join(' ') : '';
    const own = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? '' : el.textContent ?? '';
    const name = [el.getAttribute('aria-label') ?? '', byIds, labels, own].find((x) => x.trim() !== '') ?? '';
    return name.replace(/\s+/g, ' ').trim();
  });
}

export interface TabOptions {
  /** Shift+Tab instead of Tab. */
  back?: boolean;
  /** Presses before giving up. */
  max?: number;
  /** Also require a visible focus indicator on the element reached. */
  ringVisible?: boolean;
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails if it cannot be reached. */
export async function tabTo(page: Page, name: RegExp, opts: TabOptions = {}): Promise<void> {
  const key = opts.back ? 'Shift+Tab' : 'Tab';
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(key);
    const now = await focusedName(page);
    if (name.test(now)) {
      if (opts.ringVisible) await expectFocusVisible(page);
      return;
    }
    seen.push(now);
  }
  throw new Error(`${name} cannot be reached with ${key}; focus went through: ${seen.slice(-15).join(' → ')}`);
}

/** Presses ArrowRight until the focused element's name matches (moving inside a grid or list). */
export async function arrowTo(page: Page, name: RegExp, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`${name} cannot be reached with the arrow keys`);
}

/** The focused element shows a focus ring (outline or box shadow). */
export async function expectFocusVisible(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && s.outlineWidth !== '0px' ? 'outline' : s.boxShadow !== 'none' ? 'shadow' : 'none';
  });
  expect(ring, 'focused element has a visible focus indicator').not.toBe('none');
}
