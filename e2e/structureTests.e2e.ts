import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../src/modules/campaigns/schema.ts';
import { people } from '../src/modules/people/schema.ts';
import { units } from '../src/modules/units/schema.ts';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const TEST = 'Westfield repairs petition';

/** Opens the React Aria select that is focused and picks an option by typing its first letters. */
async function choose(page: import('playwright-core').Page, typed: string) {
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
}

describe('structure tests: an organiser sets out a universe, counts people block by block and sees when the threshold is met', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs a structure test by keyboard on a phone', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      const [campaign] = await server.database.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.title, 'Fix the damp on the Westfield estate'));
      const members = await server.database.db.select({ firstName: people.firstName, lastName: people.lastName }).from(people).innerJoin(units, eq(units.id, people.unitId))
        .where(and(eq(units.code, 'doncaster-central-town'), isNull(people.deletedAt))).orderBy(people.lastName, people.firstName).limit(2);
      const names = members.map((m) => `${m.firstName} ${m.lastName}`);

      await journey(page, 'structure-tests-organiser', async () => {
        await signIn(server, page, ORGANISER, { byKeyboard: true });
        await page.goto(`${server.url}/campaigns/${campaign!.id}`);
        await page.getByRole('heading', { level: 2, name: 'Structure tests' }).waitFor();
        await checkPage(page, 'campaign with its structure tests section');

        await tabTo(page, /^Start a structure test$/, { max: 200 });
        await page.keyboard.press('Enter');
        await tabTo(page, /^Name of the test/);
        await page.keyboard.type(TEST);
        await tabTo(page, /^What counts/);
        await page.keyboard.type('signed the petition');
        await tabTo(page, /^Threshold/);
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('50');
        await tabTo(page, /^Quota per volunteer/);
        await page.keyboard.type('1');
        await tabTo(page, /^Segments/);
        await page.keyboard.type('Block A: 2\nBlock B: 1');
        await checkPage(page, 'structure test form filled in');
        await tabTo(page, /^Start the test$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Structure test: ${TEST}` }).waitFor();
        await page.getByText('Block A: 0% signed the petition (0 of 2)').waitFor();
        await checkPage(page, 'a draft structure test');

        await tabTo(page, / Status$/, { max: 150 });
        await choose(page, 'Run');
        await tabTo(page, /^Save the status$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Status saved.').waitFor();

        const count = async (name: string, segment: string) => {
          await tabTo(page, /^Person/, { back: true, max: 150 });
          await page.keyboard.type(name);
          await expect.poll(() => page.getByRole('option', { name: new RegExp(name) }).count()).toBeGreaterThan(0);
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('Enter');
          await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
          await tabTo(page, / Segment$/);
          await choose(page, segment);
          await tabTo(page, /^Record the count$/);
          await page.keyboard.press('Enter');
          await page.getByRole('status').getByText(`${name} counted.`).waitFor();
        };
        await count(names[0]!, 'Block A');
        await page.getByText('Block A: 50% signed the petition (1 of 2)').waitFor();
        expect(await page.getByText('Threshold met: ready to go public').count()).toBe(0);
        await count(names[1]!, 'Block B');
        await page.getByText('Block B: 100% signed the petition (1 of 1)').waitFor();
        await page.getByText('Overall: 66% signed the petition (2 of 3)').waitFor();
        await expect.poll(() => page.getByText('Threshold met: ready to go public').count()).toBe(1);
        await page.getByText('2 of 1 (200%)').waitFor();
        await checkPage(page, 'threshold met, with volunteers against the quota');

        // The table alternative holds the same figures.
        await tabTo(page, /^Show as a table$/, { back: true, max: 150 });
        await page.keyboard.press('Enter');
        await page.getByRole('table', { name: 'Progress by segment as a table' }).waitFor();
        await checkPage(page, 'progress as a table');

        await tabTo(page, / Status$/, { max: 150 });
        await choose(page, 'Pub');
        await tabTo(page, /^Save the status$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Status saved.').waitFor();

        // Back on the campaign, the test shows as ready to go public.
        await page.goto(`${server.url}/campaigns/${campaign!.id}`);
        await page.getByRole('link', { name: TEST }).waitFor();
        await expect.poll(() => page.getByText('Threshold met: ready to go public').count()).toBe(1);
        await checkPage(page, 'campaign with a structure test ready to go public');

        // Segments can also be drawn from the campaign's people, by postcode.
        await tabTo(page, new RegExp(`^${TEST}$`), { max: 200 });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Structure test: ${TEST}` }).waitFor();
        await tabTo(page, /^Add segments from the campaign’s people$/, { max: 200 });
        await page.keyboard.press('Enter');
        await tabTo(page, /^Add the segments$/);
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Segments added.').waitFor();
        await expect.poll(() => page.getByText('Threshold met: ready to go public').count()).toBe(0);
        await checkPage(page, 'segments added from postcodes');
      });
    } finally {
      await b.close();
    }
  });
});
