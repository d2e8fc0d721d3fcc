import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../src/modules/people/schema.ts';
import { units } from '../src/modules/units/schema.ts';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { focusedName, tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const TITLE = 'Chapel Court repairs now';
const ACTION = 'Lobby of Castle Lettings';

/** Opens the React Aria select that is focused and picks an option by typing its first letters. */
async function choose(page: import('playwright-core').Page, typed: string) {
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
}

describe('campaigns: an organiser starts a campaign from an issue, maps power, moves through the cycle, plans and evaluates an action, logs a win and shows it publicly', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs the cycle by keyboard on a phone, and the public wins page opens signed out', async () => {
    const organiser = await launchBrowser({ width: 360, height: 740 });
    const visitor = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await organiser.browser.newPage();
      let publicUrl = '';
      const [leader] = await server.database.db.select({ firstName: people.firstName, lastName: people.lastName }).from(people).innerJoin(units, eq(units.id, people.unitId))
        .where(and(eq(units.code, 'doncaster-central-town'), isNull(people.deletedAt))).orderBy(people.lastName, people.firstName).limit(1);
      const leaderName = `${leader!.firstName} ${leader!.lastName}`;
      await journey(page, 'campaigns-organiser', async () => {
        await signIn(server, page, ORGANISER, { byKeyboard: true });
        await tabTo(page, /^Campaigns$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
        await checkPage(page, 'campaigns list');

        // Start a campaign from the listening evidence: an issue people raised.
        await tabTo(page, /^Organising$/, { back: true });
        await page.keyboard.press('Enter');
        await tabTo(page, /^Issues raised$/, { back: true });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Issues raised' }).waitFor();
        await expect.poll(() => page.getByRole('link', { name: /^Start a campaign on / }).count()).toBeGreaterThan(0);
        await checkPage(page, 'issues raised, with a way to start a campaign on each');
        await tabTo(page, /^Start a campaign on /, { max: 150 });
        const issue = (await focusedName(page)).replace('Start a campaign on ', '');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Start a campaign' }).waitFor();
        await tabTo(page, /^Name/);
        await page.keyboard.type(TITLE);
        await tabTo(page, /Issue it takes on/);
        expect(await focusedName(page)).toContain(issue);
        await tabTo(page, /^Demand/);
        await page.keyboard.type('Castle Lettings repairs every damp flat within 12 weeks.');
        await checkPage(page, 'new campaign form');
        await tabTo(page, /^Start the campaign$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await page.getByRole('heading', { name: 'Listening evidence' }).waitFor();
        await page.getByText(`People who raised ${issue} in this campaign’s unit and areas`, { exact: false }).waitFor();
        await checkPage(page, 'campaign page');

        // A power map with a primary target, read and moved through by keyboard.
        await tabTo(page, /^Power map$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Power map: ${TITLE}` }).waitFor();
        await checkPage(page, 'empty power map');
        await tabTo(page, /^Name/);
        await page.keyboard.type('Castle Lettings Ltd');
        await tabTo(page, /Influence/);
        await choose(page, '5');
        await tabTo(page, /Stance/);
        await choose(page, '-2');
        await tabTo(page, /Target/);
        await choose(page, 'Primary');
        await tabTo(page, /^Add to the map$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Castle Lettings Ltd is on the map.').waitFor();
        await tabTo(page, /^Name/, { back: true });
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.type('Cllr Mair Hughes');
        await tabTo(page, /^Add to the map$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Cllr Mair Hughes is on the map.').waitFor();

        await tabTo(page, /^Castle Lettings Ltd: influence 5 of 5/, { back: true, max: 120 });
        expect(await focusedName(page)).toBe('Castle Lettings Ltd: influence 5 of 5, stance -2 (Opposed); primary target');
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => focusedName(page)).toBe('Cllr Mair Hughes: influence 3 of 5, stance 0 (Neutral)');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Selected: Cllr Mair Hughes' }).waitFor();
        await page.getByRole('button', { name: /^Castle Lettings Ltd: influence 5/ }).focus();
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => focusedName(page)).toMatch(/^Cllr Mair Hughes/);
        await page.keyboard.press('ArrowUp');
        await expect.poll(() => focusedName(page)).toMatch(/^Castle Lettings Ltd/);
        // The table alternative says the same.
        const table = page.getByRole('table', { name: 'Actors on the power map (table)' });
        await expect.poll(() => table.getByRole('row', { name: /Castle Lettings Ltd/ }).count()).toBe(1);
        expect(await table.getByRole('row', { name: /Castle Lettings Ltd/ }).textContent()).toMatch(/5.*-2 Opposed.*Primary/);
        await checkPage(page, 'power map');

        // Through the cycle: on, on, then back (refused without a reason).
        await tabTo(page, new RegExp(`^${TITLE}$`), { back: true, max: 150 });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await tabTo(page, /^Move$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Moved to Identify issues.').waitFor();
        await tabTo(page, /Move to phase/, { back: true });
        await choose(page, 'Organise');
        await tabTo(page, /^Move$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Moved to Organise and act.').waitFor();
        await tabTo(page, /Move to phase/, { back: true });
        await choose(page, 'Choose');
        await tabTo(page, /^Move$/);
        await page.keyboard.press('Enter');
        await page.getByRole('alert').getByText('Moving back to an earlier phase needs a reason.').waitFor();
        await checkPage(page, 'campaign page with a refused move');
        await tabTo(page, /^Reason/, { back: true });
        await page.keyboard.type('The landlord sold the block; we need a new target.');
        await tabTo(page, /^Move$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Moved to Choose an issue.').waitFor();
        const history = page.getByRole('table', { name: 'Phase history' });
        await expect.poll(() => history.getByRole('row').count()).toBe(5);
        expect(await history.textContent()).toContain('Moved back: Organise and act → Choose an issue');

        // Plan an action against the primary target, then record its turnout, the response and an evaluation.
        await tabTo(page, /^Plan an action$/, { max: 150 });
        await page.keyboard.press('Enter');
        await tabTo(page, /^Action/);
        await page.keyboard.type(ACTION);
        await tabTo(page, /Target/);
        await choose(page, 'Castle');
        await tabTo(page, /^Asks/);
        await page.keyboard.type('Repair every damp flat within 12 weeks');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Meet the tenants’ committee');
        await tabTo(page, /^Turnout goal/);
        await page.keyboard.type('30');
        await checkPage(page, 'campaign page with the plan an action form');
        await tabTo(page, /^Plan the action$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Action: ${ACTION}` }).waitFor();
        await page.getByText('Goal 30; not counted yet').waitFor();
        await checkPage(page, 'planned action');

        await tabTo(page, /Status/);
        await choose(page, 'Done');
        await tabTo(page, /^Turnout counted by hand/);
        await page.keyboard.type('24');
        await tabTo(page, /The target’s response/);
        await choose(page, 'Partly');
        await tabTo(page, /^What they said or did/);
        await page.keyboard.type('Agreed to meet the committee; no dates yet.');
        await tabTo(page, /^Save what happened$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Saved.').waitFor();
        await page.getByText('24 of 30 (80%)').waitFor();
        await page.getByRole('heading', { level: 2, name: 'Evaluation' }).waitFor();
        await checkPage(page, 'action with turnout recorded');

        await tabTo(page, /^What went well/);
        await page.keyboard.type('Tenants spoke for themselves.');
        await tabTo(page, /^What to improve/);
        await page.keyboard.type('Start on time; bring a banner.');
        await tabTo(page, /^Add a leader/);
        await page.keyboard.type(leaderName);
        await expect.poll(() => page.getByRole('option', { name: new RegExp(leaderName) }).count()).toBeGreaterThan(0);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
        await tabTo(page, /^Add leader$/);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('button', { name: `Remove ${leaderName}` }).count()).toBe(1);
        await tabTo(page, /^Save the evaluation$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Evaluation saved.').waitFor();
        await checkPage(page, 'evaluated action');

        // Back on the campaign, the action is listed as done with its turnout against the goal.
        await tabTo(page, new RegExp(`^${TITLE}$`), { back: true, max: 150 });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        const actionsTable = page.getByRole('table', { name: 'Actions of this campaign' });
        await expect.poll(() => actionsTable.getByRole('row', { name: new RegExp(ACTION) }).count()).toBe(1);
        expect(await actionsTable.getByRole('row', { name: new RegExp(ACTION) }).textContent()).toMatch(/Done.*evaluated.*24 of 30 \(80%\).*counted by hand/);
        await checkPage(page, 'campaign page with an action');

        // Log a win.
        await tabTo(page, /^Log a win$/, { max: 150 });
        await page.keyboard.press('Enter');
        await tabTo(page, /^Headline/);
        await page.keyboard.type('Landlord agrees to fix every damp flat');
        await tabTo(page, /^What was won/);
        await page.keyboard.type('After a lobby of 60 tenants, Castle Lettings signed a repairs plan.');
        await tabTo(page, /^Evidence/);
        await page.keyboard.type('Letter to Jennie Lee, 1 October.');
        await tabTo(page, /^Log the win$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Win logged.').waitFor();
        await checkPage(page, 'campaign page with a win');

        // The unit's wins page, made public.
        await tabTo(page, /^Campaigns$/, { back: true, max: 150 });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
        await tabTo(page, /^Wins$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Wins' }).waitFor();
        await page.getByText('Landlord agrees to fix every damp flat').waitFor();
        await checkPage(page, 'wins page');
        await tabTo(page, /^Make the wins page public$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('The wins page is public.').waitFor();
        publicUrl = (await page.getByRole('link', { name: /Public page:/ }).getAttribute('href'))!;
        expect(publicUrl).toMatch(/\/wins\/[0-9a-f-]{36}$/);
        await checkPage(page, 'wins page made public');
      });

      const guest = await visitor.browser.newPage();
      await journey(guest, 'campaigns-public-wins', async () => {
        await guest.goto(publicUrl);
        await guest.getByRole('heading', { level: 1, name: /^What .+ has won$/ }).waitFor();
        await guest.getByRole('heading', { level: 2, name: 'Landlord agrees to fix every damp flat' }).waitFor();
        const text = (await guest.locator('main').textContent()) ?? '';
        expect(text).toContain(TITLE);
        // Nothing personal: not the evidence, not the organiser, no email.
        expect(text).not.toMatch(/Jennie|Letter to|@/);
        await guest.getByRole('link', { name: 'Sign in' }).waitFor();
        await checkPage(guest, 'public wins page');
        // A page that is not public (or does not exist) says so, and nothing more.
        await guest.goto(`${server.url}/wins/${crypto.randomUUID()}`);
        await guest.getByRole('heading', { level: 1, name: 'This wins page is not public.' }).waitFor();
        await checkPage(guest, 'wins page that is not public');
      });
    } finally {
      await organiser.close();
      await visitor.close();
    }
  }, 240_000);
});
