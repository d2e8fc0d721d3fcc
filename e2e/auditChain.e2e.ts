import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, type TestBrowser } from './browser.ts';
import { tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

describe('checking the integrity of the audit log', () => {
  let server: E2eServer;
  let phone: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    phone = await launchBrowser({ width: 360, height: 740 });
  });
  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  it('the national admin checks the chain by keyboard on a phone and sees how far it is verified', async () => {
    const page = await phone.browser.newPage();
    await signIn(server, page, 'admin@demo.tredegar.local');
    await page.goto(`${server.url}/audit`);
    await page.getByRole('heading', { level: 2, name: 'Integrity of the log' }).waitFor();
    await page.bringToFront();
    await tabTo(page, /^Check the log$/);
    await page.keyboard.press('Enter');
    const verified = page.getByRole('status').getByText(/^Chain verified up to .*none altered, removed or inserted\./);
    await expect.poll(() => verified.count()).toBe(1);
    await expect.poll(() => page.getByText('Latest hash, to keep somewhere else:').count()).toBe(1);
    await expectAccessible(page, 'audit chain verified');
    await expectNoHorizontalScroll(page, 'audit chain verified');
    await page.close();
  });
});
