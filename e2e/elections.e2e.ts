import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResults } from '../src/modules/elections/importResults.ts';
import { resultsFileContent } from '../src/modules/elections/testing.ts';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, type Page, type TestBrowser } from './browser.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ATTRIBUTION = 'Contains Parliamentary information licensed under the Open Parliament Licence v3.0.';

describe('elections, targets and impact', () => {
  let server: E2eServer;
  let b: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    // The demo seed loads areas but no results: import them with the same command the CLI and API use.
    const files = ['2015', '2017', '2019', '2024'].map((y) => ({ fileName: `HoC-GE${y}-results-by-constituency.csv`, content: resultsFileContent(y) }));
    await importResults(server.database.db, files, { actorAccountId: null });
    b = await launchBrowser({ width: 360, height: 740 });
    page = await b.browser.newPage();
    await signIn(server, page, 'admin@demo.tredegar.local');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  async function check(label: string) {
    await expectAccessible(page, label);
    await expectNoHorizontalScroll(page, label);
    await page.getByText(ATTRIBUTION).first().waitFor();
  }

  it('shows results with a regional chart and a keyboard-navigable hex map with a table alternative', async () => {
    await page.getByRole('link', { name: 'Elections' }).click();
    await page.getByRole('heading', { level: 1, name: 'Election results' }).waitFor();
    await page.getByRole('table', { name: /Votes, share and seats by party, United Kingdom, 2019/ }).waitFor();
    await page.locator('figure.elections-chart svg[role="img"]').waitFor();
    await page.getByRole('group', { name: /Hex map of constituencies, 2019/ }).waitFor();
    await check('election results');

    // Keyboard: one tab stop into the map, arrows move between seats, Enter keeps one selected.
    const first = page.locator('.hexmap__hex[tabindex="0"]');
    await first.focus();
    const start = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(start).toMatch(/won by/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(moved).toMatch(/won by/);
    expect(moved).not.toBe(start);
    await page.keyboard.press('Enter');
    const name = moved!.split(' (')[0]!;
    await page.getByTestId('hex-detail').getByText(name, { exact: true }).waitFor();
    expect(await page.locator('.hexmap__hex[tabindex="0"]').count()).toBe(1);

    await page.getByRole('tab', { name: 'Table' }).click();
    const table = page.getByRole('table', { name: 'Every constituency, 2019' });
    await table.getByRole('rowheader', { name: 'Sheffield, Hallam' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(651);
    await check('election results, map as a table');
    // Axe over 650 map hexes and a 650-row table is slow on a shared two-core machine.
  }, 300_000);

  it('runs a scenario and saves the seats that fall as a unit target list', async () => {
    await page.goto(`${server.url}/elections/seats`);
    await page.getByRole('heading', { level: 1, name: 'Seats in peril and targets' }).waitFor();
    await page.getByRole('table', { name: /seats, 2024/ }).waitFor();
    await check('seats');
    await page.getByRole('button', { name: /Election/ }).first().click();
    await page.getByRole('option', { name: '2019' }).click();
    await page.getByRole('table', { name: /seats, 2019/ }).waitFor();
    await page.getByRole('button', { name: /^Everywhere In$|In Everywhere|Everywhere/ }).last().click();
    await page.getByRole('option', { name: 'Yorkshire and The Humber' }).click();
    await page.getByRole('button', { name: 'Show the seats that change hands' }).click();
    await page.getByText('A 4-point swing from Labour to Conservative in Yorkshire and The Humber: 10 of 54 seats change hands').first().waitFor();
    await page.getByRole('cell', { name: 'Hemsworth' }).or(page.getByRole('rowheader', { name: 'Hemsworth' })).first().waitFor();
    await check('scenario');
    await page.getByRole('button', { name: 'Save target list' }).click();
    await page.getByText('Target list saved.').waitFor();
    await page.getByRole('link', { name: /^Open / }).click();
    await page.getByRole('table', { name: /Seats in .* in priority order/ }).waitFor();
    await check('target list');
    await page.goto(`${server.url}/elections/targets`);
    await page.getByRole('table', { name: 'Saved target lists' }).getByRole('link').first().waitFor();
    await check('target lists');
  }, 300_000);

  it('runs an impact evaluation and shows the statement with its uncertainty and caveats', async () => {
    await page.goto(`${server.url}/elections/impact`);
    await page.getByRole('heading', { level: 1, name: 'Did organising make a difference?' }).waitFor();
    await check('impact form');
    const codes = ['E14000664', 'E14000665', 'E14000857', 'E14000858', 'E14000689', 'E14000610', 'E14000874', 'E14000787'];
    await page.getByLabel('ONS codes of the organised seats').fill(codes.join('\n'));
    await page.getByRole('button', { name: 'Evaluate' }).click();
    const statement = page.getByTestId('impact-statement');
    await statement.waitFor();
    expect(await statement.textContent()).toMatch(/where we organised.*95% interval .* to .*not proof that organising caused/);
    await page.getByRole('heading', { name: 'What this does and does not show' }).waitFor();
    await page.getByText('The organised seats were not chosen at random').waitFor();
    await check('impact result');
  });

  it('offers the import form to a national admin', async () => {
    await page.goto(`${server.url}/elections/import`);
    await page.getByRole('heading', { level: 1, name: 'Import election results' }).waitFor();
    await expectAccessible(page, 'import');
    await expectNoHorizontalScroll(page, 'import');
  });
});
