import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, type TestBrowser } from './browser.ts';
import { startServer, type E2eServer } from './server.ts';

describe('signing in', () => {
  let server: E2eServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser({ width: 360, height: 740 });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('signs in by keyboard alone with a magic link at phone width', async () => {
    const page = await b.browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await expectAccessible(page, 'sign-in');
    await expectNoHorizontalScroll(page, 'sign-in');
    // Keyboard only: on a fresh load the skip link is the first stop, then the form.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.bringToFront();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent}`)).toBe('A:Skip to main content');
    await page.getByLabel('Email address').focus();
    await page.keyboard.type('admin@demo.tredegar.local');
    await page.keyboard.press('Enter');
    await page.getByText('a sign-in link is on its way').waitFor();
    await expectAccessible(page, 'sign-in sent');
    const link = await server.latestSignInLink('admin@demo.tredegar.local');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    await expectAccessible(page, 'home');
    await expectNoHorizontalScroll(page, 'home');
    await page.close();
  });

  it('shows a clear message for a used link', async () => {
    const page = await b.browser.newPage();
    await page.goto(`${server.url}/sign-in/complete#token=${'x'.repeat(43)}`);
    await page.getByRole('alert').getByText('expired or was already used').waitFor();
    await expectAccessible(page, 'sign-in failed');
    await page.close();
  });
});
