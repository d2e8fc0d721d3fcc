import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInLink } from '../src/modules/accounts/signIn.ts';
import { accounts } from '../src/modules/accounts/schema.ts';
import { eq } from 'drizzle-orm';
import { checkPage, launchBrowser, type Page, type TestBrowser } from './browser.ts';
import { expectFocusVisible, focusedName, tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ADMIN = 'admin@demo.tredegar.local';
const PHONE_FIREFOX = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';

/** A second session for the admin, made outside the browser, returning its cookie. */
async function otherSession(server: E2eServer): Promise<string> {
  const [admin] = await server.database.db.select().from(accounts).where(eq(accounts.email, ADMIN));
  const link = await createSignInLink(server.app.ctx, admin!.id);
  const token = new URL(link).hash.replace('#token=', '');
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/complete', payload: { token }, headers: { 'user-agent': PHONE_FIREFOX } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'tredegar_session')!;
  return `${cookie.name}=${cookie.value}`;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const focusInside = (page: Page, selector: string) => page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);

describe('home, units, areas and account pages', () => {
  let server: E2eServer;
  let b: TestBrowser;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser({ width: 360, height: 740 });
    await b.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await b.browser.newPage();
    await signIn(server, page, ADMIN);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('shows the dashboard for the admin’s scope with a chart and a table', async () => {
    await checkPage(page, 'home');
    const figures = page.getByRole('region', { name: 'People in your scope' });
    await expect.poll(() => figures.locator('dd').first().textContent()).toBe('120');
    const chart = page.getByRole('tabpanel', { name: 'Chart' });
    await chart.getByText('Yorkshire and The Humber').waitFor();
    expect(await chart.getByText('60 people').count()).toBe(2);
    await page.getByRole('tab', { name: 'Table' }).click();
    const table = page.getByRole('table', { name: 'People by unit' });
    await table.getByRole('rowheader', { name: 'South East' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await checkPage(page, 'home (table)');
    await page.getByRole('region', { name: 'Quick links' }).getByRole('link', { name: 'Units' }).waitFor();
  });

  it('opens a unit, adds a child unit with field errors from the server, and edits its areas', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Units and areas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Units' }).waitFor();
    const tree = page.getByRole('treegrid', { name: 'Units you can see' });
    await tree.getByRole('row', { name: /Doncaster Central CLP/ }).waitFor();
    await checkPage(page, 'units');
    await tree.getByRole('row', { name: /Doncaster Central CLP/ }).getByText('Doncaster Central CLP').click();
    await page.getByRole('heading', { level: 1, name: 'Doncaster Central CLP' }).waitFor();
    await page.getByRole('link', { name: 'Doncaster Central', exact: true }).waitFor();
    await page.getByRole('link', { name: /Doncaster Central Town Branch/ }).waitFor();
    await checkPage(page, 'unit');

    await page.getByLabel('Name', { exact: true }).fill('Armthorpe Tenants Branch');
    await page.getByLabel('Code', { exact: true }).fill('Armthorpe Tenants!');
    await page.getByRole('button', { name: 'Add unit' }).click();
    const code = page.getByRole('textbox', { name: 'Code' });
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Lower-case letters, digits and hyphens only').waitFor();
    await checkPage(page, 'unit (form errors)');
    // A code already used in the organisation is refused beside the same field.
    await code.fill('doncaster-central-town');
    await page.getByRole('button', { name: 'Add unit' }).click();
    await page.getByText('A unit with code "doncaster-central-town" already exists.').waitFor();
    await code.fill('armthorpe-tenants');
    await page.getByRole('button', { name: 'Add unit' }).click();
    await page.getByRole('status').getByText('“Armthorpe Tenants Branch” was added.').waitFor();
    await page.getByRole('link', { name: 'Open Armthorpe Tenants Branch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Armthorpe Tenants Branch' }).waitFor();
    await page.getByText('This unit does not cover any areas yet.').waitFor();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Doncaster Central CLP' }).waitFor();

    const search = page.getByRole('combobox', { name: 'Find an area to add' });
    await search.fill('Armthorpe');
    await page.getByRole('option', { name: /Armthorpe/ }).first().waitFor();
    await page.getByRole('option', { name: /Armthorpe/ }).first().click();
    await page.getByRole('list', { name: 'Areas this unit will cover' }).getByText('Armthorpe').waitFor();
    await page.getByRole('button', { name: 'Save areas' }).click();
    await page.getByText('Saved: this unit now covers 1 area.').waitFor();
    await page.getByRole('table', { name: 'Areas covered' }).getByRole('link', { name: 'Armthorpe' }).waitFor();
    await checkPage(page, 'unit (areas saved)');
  });

  it('drills down from a region to constituencies on either boundaries to wards, and searches', async () => {
    await page.goto(`${server.url}/units`);
    await page.getByRole('link', { name: 'Browse areas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Areas' }).waitFor();
    await page.getByRole('table', { name: 'English regions' }).getByRole('link', { name: 'Yorkshire and The Humber' }).waitFor();
    await checkPage(page, 'areas');
    await page.getByRole('link', { name: 'Yorkshire and The Humber' }).click();
    await page.getByRole('heading', { level: 1, name: 'Yorkshire and The Humber' }).waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await crumbs.getByRole('listitem').allTextContents()).toEqual(['Areas', 'United Kingdom', 'England', 'Yorkshire and The Humber']);
    const children = page.getByRole('table', { name: 'Constituencies in Yorkshire and The Humber' });
    await children.getByRole('link', { name: 'Doncaster Central' }).waitFor();
    expect(await children.getByRole('link', { name: 'Spen Valley' }).count()).toBe(1);
    await checkPage(page, 'region');
    // Page 2 of the 54 current seats.
    await page.getByRole('button', { name: 'Next page' }).click();
    await children.getByRole('link', { name: 'York Outer' }).waitFor();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await children.getByRole('link', { name: 'Doncaster Central' }).waitFor();
    // The 2010–2023 boundaries have Batley and Spen instead of Spen Valley.
    await page.getByRole('button', { name: /Constituency boundaries/ }).click();
    await page.getByRole('option', { name: '2010 to 2023' }).click();
    await children.getByRole('link', { name: 'Batley and Spen' }).waitFor();
    expect(await children.getByRole('link', { name: 'Spen Valley' }).count()).toBe(0);
    await checkPage(page, 'region (2010 boundaries)');
    await page.getByRole('button', { name: /Constituency boundaries/ }).click();
    await page.getByRole('option', { name: '2024 (current)' }).click();
    await children.getByRole('link', { name: 'Doncaster Central' }).click();
    await page.getByRole('heading', { level: 1, name: 'Doncaster Central' }).waitFor();
    const wards = page.getByRole('table', { name: 'Wards in Doncaster Central' });
    const firstWard = wards.getByRole('rowheader').first();
    const wardName = (await firstWard.textContent())!;
    await checkPage(page, 'constituency');
    await firstWard.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: wardName }).waitFor();
    expect(await crumbs.getByRole('listitem').allTextContents()).toEqual(['Areas', 'United Kingdom', 'England', 'Yorkshire and The Humber', 'Doncaster Central', wardName]);
    await page.getByText('No smaller areas are recorded inside this one.').waitFor();
    await checkPage(page, 'ward');

    await crumbs.getByRole('link', { name: 'Areas' }).click();
    await page.getByRole('searchbox', { name: 'Search areas' }).fill('Armthorpe');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('table', { name: 'Areas matching “Armthorpe”' });
    await results.getByRole('link', { name: 'Armthorpe' }).waitFor();
    await checkPage(page, 'area search');
    await page.getByRole('searchbox', { name: 'Search areas' }).fill('Nowhere-on-Sea');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No areas match “Nowhere-on-Sea”').waitFor();
    await checkPage(page, 'area search (none)');
  });

  it('creates an API token shown once, revokes it, and ends another session', async () => {
    const phone = await otherSession(server);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const sessions = page.getByRole('table', { name: 'Your signed-in sessions' });
    await sessions.getByText('Firefox on Android').waitFor();
    await sessions.getByText('This browser').waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    await checkPage(page, 'account');

    await page.getByLabel('Token name').fill('Spreadsheet sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    const tokenBox = page.getByRole('textbox', { name: 'Your new API token' });
    const token = (await tokenBox.inputValue()).trim();
    expect(token.length).toBeGreaterThan(20);
    await page.getByText('this is the only time it will be shown', { exact: false }).waitFor();
    await checkPage(page, 'account (new token)');
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText('Token copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    // The token works, and shows as used.
    const asToken = () => server.app.inject({ method: 'GET', url: '/api/account/tokens', headers: { authorization: `Bearer ${token}` } });
    expect((await asToken()).statusCode).toBe(200);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.content()).not.toContain(token);
    await page.reload();
    const tokens = page.getByRole('table', { name: 'Your API tokens' });
    await tokens.getByRole('rowheader', { name: 'Spreadsheet sync' }).waitFor();
    expect(await page.content()).not.toContain(token);
    expect(await tokens.getByRole('cell', { name: 'Never' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Revoke token Spreadsheet sync' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke “Spreadsheet sync”?' });
    await dialog.waitFor();
    await checkPage(page, 'account (revoke dialog)');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Token “Spreadsheet sync” revoked.').waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    expect((await asToken()).statusCode).toBe(401);

    await page.getByRole('button', { name: /^End session on Firefox on Android/ }).click();
    await page.getByRole('alertdialog', { name: 'End this session?' }).getByRole('button', { name: 'End' }).click();
    await page.getByText('Session ended.').waitFor();
    expect(await sessions.getByText('Firefox on Android').count()).toBe(0);
    const check = await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: phone } });
    expect(check.json().signedIn).toBe(false);
    await checkPage(page, 'account (session ended)');
  });

  it('works by keyboard alone through units and account', async () => {
    await page.goto(`${server.url}/units`);
    await page.getByRole('treegrid').waitFor();
    await page.bringToFront();
    // Into the tree, down to a constituency party, open it with Enter.
    for (let i = 0; i < 30 && !(await focusInside(page, '[role=treegrid]')); i++) await page.keyboard.press('Tab');
    expect(await focusInside(page, '[role=treegrid]')).toBe(true);
    for (let i = 0; i < 30 && !/Doncaster North CLP/.test(await focusedText(page)); i++) await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/Doncaster North CLP/);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Doncaster North CLP' }).waitFor();

    // Add a unit by keyboard: the kind select, the name and the code.
    await tabTo(page, /Kind of unit/, { ringVisible: true });
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Name$/, { ringVisible: true });
    await page.keyboard.type('Thorne Branch');
    await page.keyboard.press('Tab');
    await page.keyboard.type('thorne-branch');
    await page.keyboard.press('Enter');
    await page.getByText('“Thorne Branch” was added.').waitFor();

    // Areas by keyboard: type, arrow to a suggestion, Enter, then save.
    await page.getByRole('combobox', { name: 'Find an area to add' }).focus();
    await page.keyboard.type('Thorne');
    await page.getByRole('option', { name: /Thorne/ }).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText(/added\. Save to keep the change\./).waitFor();
    await tabTo(page, /Save areas/, { ringVisible: true });
    await page.keyboard.press('Enter');
    await page.getByText(/Saved: this unit now covers \d+ areas?\./).waitFor();

    // Account by keyboard: create a token, dismiss it, revoke it through the dialog.
    await page.goto(`${server.url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await tabTo(page, /Token name/, { ringVisible: true });
    await page.keyboard.type('Keyboard token');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your new token “Keyboard token”' }).waitFor();
    expect(await focusedName(page)).toBe('Your new token “Keyboard token”');
    await tabTo(page, /I have copied it/, { ringVisible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Token name');
    await tabTo(page, /Revoke token Keyboard token/, { ringVisible: true });
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    expect(await focusInside(page, '[role=alertdialog]')).toBe(true);
    // Focus stays trapped in the dialog, and Escape returns it to the trigger.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, '[role=alertdialog]')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Revoke token Keyboard token');
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await tabTo(page, /^Revoke$/, { max: 4, ringVisible: true });
    await page.keyboard.press('Enter');
    await page.getByText('Token “Keyboard token” revoked.').waitFor();
    expect(await focusedName(page)).toBe('API tokens');

    // Sign out everywhere, confirmed in a dialog, ends this browser's session too.
    await tabTo(page, /Sign out everywhere/, { max: 20, back: true, ringVisible: true });
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Sign out everywhere?' }).waitFor();
    await tabTo(page, /^Sign out everywhere$/, { max: 4, ringVisible: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${server.url}/account`);
    await page.waitForURL(/\/sign-in/);
  });
});
