import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, type TestBrowser } from './browser.ts';
import { tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ADMIN = 'admin@demo.tredegar.local';
const VOLUNTEER = 'Aneurin Jones (demo volunteer)';

describe('account administration and the audit log', () => {
  let server: E2eServer;
  let wide: TestBrowser;
  let phone: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    wide = await launchBrowser({ width: 1280, height: 900 });
    phone = await launchBrowser({ width: 360, height: 740 });
  });
  afterAll(async () => {
    await wide?.close();
    await phone?.close();
    await server?.close();
  });

  it('the demo admin grants a role, sees it in the audit log, and removes it again', async () => {
    const page = await wide.browser.newPage();
    await signIn(server, page, ADMIN);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts and roles' }).waitFor();
    await page.getByRole('heading', { level: 3, name: VOLUNTEER }).waitFor();
    await expectAccessible(page, 'admin');

    await page.getByRole('searchbox', { name: 'Name or email' }).fill('aneurin');
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(1);

    await page.getByRole('button', { name: `Add a role for ${VOLUNTEER}` }).click();
    const dialog = page.getByRole('dialog', { name: `Add a role for ${VOLUNTEER}` });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Unit' }).fill('Doncaster North');
    await page.getByRole('option', { name: /^Doncaster North CLP/ }).click();
    await dialog.getByRole('button', { name: /Role/ }).click();
    await page.getByRole('option', { name: 'Organiser' }).click();
    await expectAccessible(page, 'add-a-role dialog');
    await dialog.getByRole('button', { name: 'Add role' }).click();
    await page.getByRole('status').getByText(`${VOLUNTEER} now has the role Organiser in Doncaster North CLP.`).waitFor();
    await page.getByText('Organiser in Doncaster North CLP', { exact: true }).waitFor();
    await expectAccessible(page, 'admin after granting');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit log entries' });
    const row = table.getByRole('row').filter({ hasText: 'Role granted' }).first();
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Nye Bevan (demo admin)');
    expect(await row.textContent()).toContain('organiser');
    expect(await row.textContent()).toContain('Doncaster North CLP');
    await expectAccessible(page, 'audit');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Accounts and roles' }).waitFor();
    await page.getByRole('searchbox', { name: 'Name or email' }).fill('aneurin');
    await page.getByRole('button', { name: `Remove the role Organiser in Doncaster North CLP from ${VOLUNTEER}` }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove this role?' });
    await confirm.waitFor();
    await expectAccessible(page, 'remove-role confirmation');
    await confirm.getByRole('button', { name: 'Remove role' }).click();
    await page.getByRole('status').getByText(`Removed the role Organiser in Doncaster North CLP from ${VOLUNTEER}.`).waitFor();
    await expect.poll(() => page.getByText('Organiser in Doncaster North CLP', { exact: true }).count()).toBe(0);
    await page.close();
  });

  it('filters the audit log by keyboard alone', async () => {
    const page = await wide.browser.newPage();
    await page.goto(`${server.url}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('table', { name: 'Audit log entries' }).waitFor();
    await page.bringToFront();
    // The select's name is its value and its label ("Any action Action").
    await tabTo(page, /Action$|^Action/);
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.type('Role removed');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Apply filters$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/action=role\.revoke/);
    const rows = page.getByRole('table', { name: 'Audit log entries' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('Role removed');
    await expectAccessible(page, 'audit filtered');
    await page.close();
  });

  it('disables and re-enables an account by keyboard alone', async () => {
    const page = await wide.browser.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByRole('heading', { level: 3, name: VOLUNTEER }).waitFor();
    await page.bringToFront();
    await tabTo(page, /^Name or email/);
    await page.keyboard.type('aneurin');
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(1);
    await tabTo(page, new RegExp(`^Disable the account of ${VOLUNTEER.replace(/[()]/g, '\\$&')}`));
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Disable this account?' }).waitFor();
    await tabTo(page, /^Disable account$/, { max: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`The account of ${VOLUNTEER} is disabled.`).waitFor();
    await page.locator('.admin-badge', { hasText: 'Disabled' }).waitFor();
    await tabTo(page, new RegExp(`^Enable the account of ${VOLUNTEER.replace(/[()]/g, '\\$&')}`));
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Enable this account?' }).waitFor();
    await tabTo(page, /^Enable account$/, { max: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`The account of ${VOLUNTEER} is enabled.`).waitFor();
    await page.close();
  });

  it('both pages work at 360px wide', async () => {
    const page = await phone.browser.newPage();
    await signIn(server, page, ADMIN);
    for (const [path, heading] of [['/admin', 'Accounts and roles'], ['/audit', 'Audit log']] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole(path === '/admin' ? 'list' : 'table').first().waitFor();
      await expectAccessible(page, `${path} at 360px`);
      await expectNoHorizontalScroll(page, `${path} at 360px`);
    }
    await page.close();
  });
});
