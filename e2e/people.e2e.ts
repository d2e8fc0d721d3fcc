import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { arrowTo, focusedName, tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ADMIN = 'admin@demo.tredegar.local';
const VOLUNTEER = 'volunteer@demo.tredegar.local';

/**
 * A NationBuilder-style export: two good rows (one with an existing tag, "Housing"), and one
 * bad row (not an email, a tag that does not exist, a status that is not one). `mark` keeps
 * the two runs' people apart: the same names, emails or phones would match the first run's people.
 */
function writeCsv(dir: string, mark: string, n: number): { path: string; surname: string; email: string } {
  const surname = `Pryce${mark}`;
  const email = `ffion.${mark.toLowerCase()}@example.net`;
  const path = join(dir, `nationbuilder-${mark}.csv`);
  writeFileSync(path, [
    'nationbuilder_id,first_name,last_name,email,mobile_number,primary_address1,primary_city,primary_zip,tag_list,membership_status',
    `101,Ffion,${surname},${email},07700 95${n}101,1 Station Road,Doncaster,DN1 1AA,"Housing, Tenant",member`,
    `102,Gareth,Llewellyn${mark},gareth.${mark.toLowerCase()}@example.net,07700 95${n}102,2 Station Road,Doncaster,DN1 1AB,housing,supporter`,
    `103,Broken,Row${mark},not-an-email,123,3 Station Road,Doncaster,DN1 1AC,No Such Tag,wizard`,
  ].join('\n'));
  return { path, surname, email };
}

async function downloaded(download: Download): Promise<string> {
  const file = await download.path();
  return readFileSync(file, 'utf8');
}

/** Watches the page for a progress bar with a current value (it may only be on screen briefly). */
async function watchProgressBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"][aria-valuenow]')) w.sawProgress = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
const sawProgressBar = (page: Page) => page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress);

describe('people: import, find, edit, tag and export', () => {
  let server: E2eServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'tredegar-people-e2e-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('as the demo admin with a mouse, on a wide screen', async () => {
    const b = await launchBrowser({ width: 1280, height: 900 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'people-mouse', async () => {
        const csv = writeCsv(dir, 'Mouse', 1);
        await signIn(server, page, ADMIN);
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
        await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
        await page.getByRole('heading', { name: /people match/ }).waitFor();
        await checkPage(page, 'people list', { phone: false });

        // Filters live in the address: narrow to a ward found by name, then clear.
        const everyone = await page.getByRole('heading', { name: /people match/ }).textContent();
        await page.getByRole('combobox', { name: 'Area' }).fill('Wheatley');
        await page.getByRole('option', { name: /Wheatley Hills & Intake/ }).click();
        await page.waitForURL(/area=E05010748/);
        await expect.poll(() => page.getByRole('heading', { name: /match/ }).textContent()).not.toBe(everyone);
        await checkPage(page, 'people list by area', { phone: false });
        await page.getByRole('link', { name: 'Clear all filters' }).first().click();
        await page.waitForURL((u) => u.search === '');

        // Import through the wizard.
        await page.getByRole('link', { name: 'Import' }).click();
        await page.getByRole('heading', { name: 'Step 1 of 5: Choose a file' }).waitFor();
        await checkPage(page, 'import: upload', { phone: false });
        await page.getByLabel('CSV file').setInputFiles(csv.path);
        await page.getByRole('button', { name: 'Upload and match columns' }).click();
        await page.getByRole('heading', { name: 'Step 2 of 5: Match columns' }).waitFor();
        // The guesses are preselected, with sample values beside each column.
        const tagRow = page.getByRole('row', { name: /tag_list/ });
        await expect.poll(() => tagRow.getByRole('button').textContent()).toContain('Tags');
        await expect.poll(() => page.getByRole('row', { name: /nationbuilder_id/ }).getByRole('button').textContent()).toContain('Do not import');
        await page.getByText('For example: Housing, Tenant, housing').waitFor();
        await checkPage(page, 'import: mapping', { phone: false });
        await page.getByRole('button', { name: 'Check what will happen' }).click();
        await page.getByRole('heading', { name: 'Step 3 of 5: Check' }).waitFor();
        await page.getByText('2 new people').waitFor();
        await page.getByText('1 row with problems').waitFor();
        await page.getByText(/Not a valid email address/).first().waitFor();
        await checkPage(page, 'import: preview', { phone: false });
        await watchProgressBar(page);
        await page.getByRole('button', { name: 'Import 2 rows' }).click();
        await page.getByRole('heading', { name: 'Step 5 of 5: Done' }).waitFor();
        expect(await sawProgressBar(page)).toBe(true);
        await page.getByText('2 people added').waitFor();
        await checkPage(page, 'import: summary', { phone: false });
        const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the error report (CSV)' }).click()]);
        const reportText = await downloaded(report);
        expect(reportText).toContain('not-an-email');
        expect(reportText).toContain('No Such Tag');
        expect(reportText).not.toContain(csv.email);

        // Find an imported person by free text.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
        await page.getByRole('searchbox', { name: 'Search' }).fill(csv.surname);
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.getByRole('heading', { name: '1 person matches' }).waitFor();
        expect(new URL(page.url()).searchParams.get('q')).toBe(csv.surname);
        await checkPage(page, 'people search', { phone: false });
        const listUrl = page.url();
        await page.getByRole('link', { name: `Ffion ${csv.surname}` }).click();
        await page.getByRole('heading', { level: 1, name: `Ffion ${csv.surname}` }).waitFor();
        await page.getByText(csv.email).waitFor();
        await checkPage(page, 'person', { phone: false });

        // Edit: a bad postcode first, to see the error summary; then a good one and a new phone.
        await page.getByRole('link', { name: 'Edit' }).click();
        await page.getByRole('heading', { level: 1, name: `Edit Ffion ${csv.surname}` }).waitFor();
        await checkPage(page, 'edit person', { phone: false });
        await page.getByRole('textbox', { name: 'Postcode' }).fill('NOT A CODE');
        await page.getByRole('button', { name: 'Save changes' }).click();
        const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
        await summary.waitFor();
        expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
        await checkPage(page, 'edit person with errors', { phone: false });
        await summary.getByRole('link', { name: /Postcode: Not a UK postcode/ }).click();
        expect(await focusedName(page)).toMatch(/Postcode/);
        await page.getByRole('textbox', { name: 'Postcode' }).fill('DN2 5QQ');
        await page.getByRole('button', { name: 'Add a phone number' }).click();
        await page.getByRole('textbox', { name: 'Phone 2' }).fill('07700 955777');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.getByText(`Changes to Ffion ${csv.surname} were saved.`).waitFor();
        await page.getByText('DN2 5QQ').waitFor();
        await page.getByRole('link', { name: '07700 955777' }).waitFor();
        await checkPage(page, 'person after edit', { phone: false });

        // Tag them in place: add "Volunteer", take "Tenant" off.
        await page.getByRole('combobox', { name: 'Add a tag' }).fill('Volun');
        await page.getByRole('option', { name: 'Volunteer' }).click();
        await page.getByText(`“Volunteer” added to Ffion ${csv.surname}.`).waitFor();
        await page.getByRole('button', { name: 'Remove tag Tenant' }).click();
        await page.getByText(`“Tenant” removed from Ffion ${csv.surname}.`).waitFor();
        await checkPage(page, 'person after tagging', { phone: false });

        // Back to the filtered list: tag everyone matching, then export them.
        await page.goto(listUrl);
        await page.getByRole('heading', { name: '1 person matches' }).waitFor();
        await page.getByRole('button', { name: /Tag to add or remove/ }).click();
        await page.getByRole('option', { name: 'Foodbank' }).click();
        await page.getByRole('button', { name: 'Add “Foodbank” to 1 person' }).click();
        const dialog = page.getByRole('alertdialog');
        await dialog.getByText('1 person matches your filters').waitFor();
        await checkPage(page, 'bulk tag dialog', { phone: false });
        await dialog.getByRole('button', { name: 'Tag 1 person' }).click();
        await page.getByText('“Foodbank” added to 1 person (1 matched).').waitFor();
        await page.getByText('Every download is recorded in the audit log').waitFor();
        const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download 1 person as CSV' }).click()]);
        const lines = (await downloaded(exported)).trim().split(/\r?\n/);
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain(csv.surname);
        expect(lines[1]).toContain(csv.email);
        expect(lines[1]).toMatch(/Foodbank|foodbank/);
        expect(lines[1]).toMatch(/Volunteer|volunteer/);
        await checkPage(page, 'people list after bulk tag', { phone: false });

        // Add someone by hand who shares Gareth's email, pressing save twice: one person is added.
        await page.getByRole('link', { name: 'Add a person' }).click();
        await page.getByRole('heading', { level: 1, name: 'Add a person' }).waitFor();
        await checkPage(page, 'add a person', { phone: false });
        await page.getByRole('textbox', { name: 'First name' }).fill('Gareth');
        await page.getByRole('textbox', { name: 'Last name' }).fill('LlewellynMouse');
        await page.getByRole('textbox', { name: 'Email 1' }).fill('gareth.mouse@example.net');
        await page.getByRole('textbox', { name: 'Town or city' }).fill('Rotherham');
        await page.getByRole('button', { name: 'Add this person' }).dblclick();
        await page.getByText('Gareth LlewellynMouse was added.').waitFor();
        await checkPage(page, 'person added', { phone: false });
        await page.goto(`${server.url}/people?q=LlewellynMouse`);
        await page.getByRole('heading', { name: '2 people match' }).waitFor();

        // The two Gareths show up as duplicates; merge them, taking the town from the new record.
        await page.getByRole('link', { name: 'Duplicates' }).click();
        const group = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Same email: gareth.mouse@example.net' }) });
        await group.waitFor();
        await checkPage(page, 'duplicates', { phone: false });
        await group.getByRole('link', { name: /Compare and merge/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Merge records' }).waitFor();
        // React Aria draws its own radio, so the label is what a mouse clicks.
        const town = page.getByRole('radiogroup', { name: 'Town or city' });
        await town.getByText('Rotherham').click();
        expect(await town.getByRole('radio', { name: /Rotherham/ }).isChecked()).toBe(true);
        await page.getByRole('definition').filter({ hasText: /^Rotherham$/ }).waitFor();
        await checkPage(page, 'merge', { phone: false });
        await page.getByRole('button', { name: 'Merge these 2 records' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Merge', exact: true }).click();
        await page.getByText('2 records merged into Gareth LlewellynMouse.').waitFor();
        await page.getByText('2 Station Road, Rotherham').waitFor();
        await checkPage(page, 'person after merge', { phone: false });
        await page.goto(`${server.url}/people?q=LlewellynMouse`);
        await page.getByRole('heading', { name: '1 person matches' }).waitFor();
      });
    } finally {
      await b.close();
    }
  }, 300_000);

  it('as the demo admin by keyboard alone, at phone width', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'people-keyboard', async () => {
        const csv = writeCsv(dir, 'Keys', 2);
        await signIn(server, page, ADMIN, { byKeyboard: true });
        await checkPage(page, 'home');
        await tabTo(page, /^People$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: /people match/ }).waitFor();
        await checkPage(page, 'people list');

        await tabTo(page, /^Import$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Step 1 of 5: Choose a file' }).waitFor();
        await checkPage(page, 'import: upload');
        await tabTo(page, /CSV file/);
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
        await chooser.setFiles(csv.path);
        await tabTo(page, /Upload and match columns/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Step 2 of 5: Match columns' }).waitFor();
        await checkPage(page, 'import: mapping');
        // Change a guess by keyboard and back again: open the column's list, move, choose.
        await tabTo(page, /Import the column “primary_city” as/);
        await page.keyboard.press('Enter');
        await page.getByRole('listbox').waitFor();
        await page.keyboard.press('Home');
        await page.keyboard.press('Enter');
        const cityChoice = () => page.getByRole('row', { name: /primary_city/ }).getByRole('button').textContent();
        await expect.poll(cityChoice).toContain('Do not import');
        await page.keyboard.press('Enter');
        await page.getByRole('listbox').waitFor();
        await page.keyboard.type('Town');
        await page.keyboard.press('Enter');
        await expect.poll(cityChoice).toContain('Town or city');
        await tabTo(page, /Check what will happen/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Step 3 of 5: Check' }).waitFor();
        await page.getByText('1 row with problems').waitFor();
        await checkPage(page, 'import: preview');
        await watchProgressBar(page);
        await tabTo(page, /Import 2 rows/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Step 5 of 5: Done' }).waitFor();
        expect(await sawProgressBar(page)).toBe(true);
        await checkPage(page, 'import: summary');
        await tabTo(page, /Download the error report/);
        const [report] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        expect(await downloaded(report)).toContain('not-an-email');

        // Search: back up to the main navigation with Shift+Tab.
        await tabTo(page, /^People$/, { back: true });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: /people match/ }).waitFor();
        await tabTo(page, /^Search$/);
        await page.keyboard.type(csv.surname);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: '1 person matches' }).waitFor();
        await checkPage(page, 'people search');
        await tabTo(page, new RegExp(`^Ffion ${csv.surname}$`));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Ffion ${csv.surname}` }).waitFor();
        await checkPage(page, 'person');

        await tabTo(page, /^Edit$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Edit Ffion ${csv.surname}` }).waitFor();
        await checkPage(page, 'edit person');
        await tabTo(page, /^Postcode/);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('DN4 7ZZ');
        await tabTo(page, /Add a phone number/);
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toMatch(/^Phone 2/);
        await page.keyboard.type('07700 955888');
        await tabTo(page, /Save changes/);
        await page.keyboard.press('Enter');
        await page.getByText(`Changes to Ffion ${csv.surname} were saved.`).waitFor();
        await page.getByText('DN4 7ZZ').waitFor();
        await page.getByRole('link', { name: '07700 955888' }).waitFor();
        await checkPage(page, 'person after edit');

        // Tags in place: type to find "Volunteer" and choose it; remove "Tenant" with Delete.
        await tabTo(page, /^Add a tag/);
        await page.keyboard.type('Volun');
        await page.getByRole('option', { name: 'Volunteer' }).waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.getByText(`“Volunteer” added to Ffion ${csv.surname}.`).waitFor();
        // The chosen tags are one stop for Tab; arrow keys move between them.
        await tabTo(page, /^(Housing|Tenant|Volunteer)/, { back: true });
        await arrowTo(page, /^Tenant/);
        await page.keyboard.press('Delete');
        await page.getByText(`“Tenant” removed from Ffion ${csv.surname}.`).waitFor();
        await checkPage(page, 'person after tagging');

        // Export the filtered list.
        await tabTo(page, /^People$/, { back: true, max: 120 });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: /people match/ }).waitFor();
        await tabTo(page, /^Search$/);
        await page.keyboard.type(csv.surname);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: '1 person matches' }).waitFor();
        await tabTo(page, /Download 1 person as CSV/, { max: 120 });
        const [exported] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        const lines = (await downloaded(exported)).trim().split(/\r?\n/);
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain(csv.surname);
        expect(lines[1]).toMatch(/Volunteer|volunteer/);
        expect(lines[1]).not.toMatch(/Tenant|tenant/);
        await checkPage(page, 'people list filtered');
      });
    } finally {
      await b.close();
    }
  }, 300_000);

  it('manages tags and custom fields as the demo admin', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'people-manage', async () => {
        await signIn(server, page, ADMIN);
        await page.goto(`${server.url}/people/tags`);
        await page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
        await checkPage(page, 'tags');
        await page.getByRole('textbox', { name: 'Tag name' }).fill('Rent strike');
        await page.getByRole('button', { name: 'Create tag' }).click();
        await page.getByText('Tag “Rent strike” created.').waitFor();
        await page.getByRole('button', { name: 'Rename Rent strike' }).click();
        const rename = page.getByRole('dialog');
        await rename.getByRole('textbox', { name: 'Tag name' }).fill('Rent strikers');
        await checkPage(page, 'rename tag dialog');
        await rename.getByRole('button', { name: 'Rename' }).click();
        await page.getByText('“Rent strike” is now called “Rent strikers”.').waitFor();
        // A tag in use says how many people have it before it goes.
        await page.getByRole('button', { name: 'Delete Housing' }).click();
        await page.getByRole('alertdialog').getByText(/“Housing” is on \d+ people you can see/).waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Delete Rent strikers' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Delete tag' }).click();
        await page.getByText('Tag “Rent strikers” deleted.').waitFor();
        expect(await page.getByRole('rowheader', { name: 'Rent strikers' }).count()).toBe(0);

        await page.goto(`${server.url}/people/fields`);
        await page.getByRole('heading', { level: 1, name: 'Custom fields' }).waitFor();
        await checkPage(page, 'custom fields');
        await page.getByRole('textbox', { name: 'Label' }).fill('Housing tenure');
        await page.getByRole('textbox', { name: 'Key' }).fill('Tenure!');
        await page.getByRole('button', { name: /Type$/ }).click();
        await page.getByRole('option', { name: 'One choice' }).click();
        await page.getByRole('textbox', { name: 'Choices' }).fill('Council\nHousing association\nPrivate rented\nOwner');
        await page.getByRole('button', { name: 'Create field' }).click();
        // The server's message appears beside the key.
        await page.getByText(/A lower-case letter, then lower-case letters/).waitFor();
        await page.getByRole('textbox', { name: 'Key' }).fill('tenure');
        await page.getByRole('button', { name: 'Create field' }).click();
        await page.getByText('Field “Housing tenure” created.').waitFor();
        await page.getByRole('button', { name: 'Edit Housing tenure' }).click();
        const edit = page.getByRole('dialog');
        await edit.getByRole('textbox', { name: 'Choices' }).fill('Council\nHousing association\nPrivate rented\nOwner\nTemporary accommodation');
        await checkPage(page, 'edit field dialog');
        await edit.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Field “Housing tenure” saved.').waitFor();
        await page.getByText(/Temporary accommodation/).waitFor();

        // The new field is on the person form, drawn as a single choice.
        await page.goto(`${server.url}/people/new`);
        await page.getByRole('button', { name: /Housing tenure$/ }).click();
        await page.getByRole('option', { name: 'Temporary accommodation' }).waitFor();
        await page.keyboard.press('Escape');

        await page.goto(`${server.url}/people/fields`);
        await page.getByRole('button', { name: 'Delete Housing tenure' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Delete field' }).click();
        await page.getByText('Field “Housing tenure” deleted.').waitFor();
      });
    } finally {
      await b.close();
    }
  }, 300_000);

  it('does not offer import, export or merging to the demo volunteer', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'people-volunteer', async () => {
        await signIn(server, page, VOLUNTEER);
        await page.goto(`${server.url}/people`);
        await page.getByRole('heading', { name: /people match/ }).waitFor();
        await page.getByRole('link', { name: 'Add a person' }).waitFor();
        await checkPage(page, 'people list (volunteer)');
        const tools = page.getByRole('navigation', { name: 'People tools' });
        expect(await tools.getByRole('link').allTextContents()).toEqual(['Add a person']);
        expect(await page.getByRole('link', { name: /as CSV/ }).count()).toBe(0);

        await page.locator('.person-card h3 a').first().click();
        await page.getByRole('link', { name: 'Edit' }).waitFor();
        expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
        await checkPage(page, 'person (volunteer)');

        for (const path of ['/people/import', '/people/duplicates', '/people/duplicates/merge?ids=x', '/people/tags', '/people/fields']) {
          await page.goto(`${server.url}${path}`);
          await page.getByRole('alert').getByText('Your roles do not include this').waitFor();
          expect(await page.getByLabel('CSV file').count()).toBe(0);
          await checkPage(page, `${path} (volunteer)`);
        }
      });
    } finally {
      await b.close();
    }
  }, 300_000);
});
