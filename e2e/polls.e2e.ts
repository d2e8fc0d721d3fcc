import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const MEETING = 'Listening meeting: Hexthorpe';
const QUESTION = 'What matters most on your street?';

describe('live polls: a host asks a question of a listening meeting, a participant answers from a phone, the host sees it', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('builds a programme, opens a poll, takes an answer without an account and shows it live', async () => {
    const host = await launchBrowser({ width: 360, height: 740 });
    const guest = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await host.browser.newPage();
      let eventId = '';
      let code = '';
      await journey(page, 'polls-host', async () => {
        await signIn(server, page, ORGANISER);
        // The meeting itself is made as any event is (its pages are covered by the events journey).
        eventId = await page.evaluate(async (title) => {
          const s = await (await fetch('/api/auth/session')).json();
          const units = await (await fetch('/api/units')).json();
          const unit = units.items.find((u: { name: string }) => /Doncaster Central/.test(u.name)) ?? units.items[0];
          const res = await fetch('/api/events', {
            method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
            body: JSON.stringify({ unitId: unit.id, kind: 'listening_meeting', title, mode: 'online', onlineUrl: 'https://meet.example.org/hexthorpe', startsAt: '2030-06-01T19:00', endsAt: '2030-06-01T20:30', visibility: 'members' }),
          });
          return (await res.json()).id as string;
        }, MEETING);
        expect(eventId).toMatch(/^[0-9a-f-]{36}$/);

        await page.getByRole('link', { name: 'Listening' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Listening programmes' }).waitFor();
        await checkPage(page, 'programmes list');
        await page.getByLabel('Title').fill('Listening to Doncaster');
        await page.getByRole('button', { name: 'Start programme' }).click();
        await page.getByRole('heading', { level: 1, name: 'Listening to Doncaster' }).waitFor();

        await page.getByLabel('Question', { exact: true }).fill(QUESTION);
        await page.getByLabel('Option 1').fill('Damp housing');
        await page.getByLabel('Option 2').fill('Buses');
        await page.getByRole('button', { name: 'Add question' }).click();
        await page.getByText('Question saved.').waitFor();
        await page.getByRole('button', { name: /Meeting/ }).click();
        await page.getByRole('option', { name: new RegExp(MEETING) }).click();
        await page.getByRole('checkbox', { name: QUESTION }).check();
        await page.getByRole('button', { name: 'Save schedule' }).click();
        await page.getByText('Meeting added.').waitFor();
        await checkPage(page, 'programme page');

        await page.getByRole('link', { name: `Poll console: ${MEETING}` }).click();
        await page.getByRole('button', { name: 'Start the live poll' }).click();
        await page.getByRole('img', { name: 'QR code to join the poll' }).waitFor();
        code = (await page.locator('.poll-code').textContent())!.trim();
        expect(code).toMatch(/^[2-9A-Z]{6}$/);
        await page.getByRole('button', { name: `Ask now: ${QUESTION}` }).click();
        await page.getByRole('button', { name: `Close: ${QUESTION}` }).waitFor();
        await checkPage(page, 'poll console');
      });

      const phone = await guest.browser.newPage();
      await journey(phone, 'polls-participant', async () => {
        await phone.goto(`${server.url}/join`);
        await phone.getByRole('heading', { level: 1, name: 'Join a live poll' }).waitFor();
        await checkPage(phone, 'poll join form');
        await phone.getByLabel('Code shown in the room').fill(code.toLowerCase());
        await phone.keyboard.press('Enter');
        await phone.getByRole('heading', { level: 1, name: MEETING }).waitFor();
        // The participant page is its own small entry: none of the app's code is fetched.
        const scripts = await phone.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')));
        expect(scripts.filter((s) => /\/assets\/(main|client|session)-/.test(s))).toEqual([]);
        await phone.getByRole('group', { name: QUESTION }).waitFor();
        await checkPage(phone, 'poll question on a phone');
        await phone.getByRole('radio', { name: 'Buses' }).check();
        await phone.getByRole('button', { name: 'Send my answer' }).click();
        await phone.getByText('Your answer is in').waitFor();
        await checkPage(phone, 'poll answered on a phone');
      });

      await journey(page, 'polls-host-results', async () => {
        // The answer arrives over the host's stream, without a reload.
        await expect.poll(() => page.getByText('1 person has joined').count(), { timeout: 10_000 }).toBe(1);
        await expect.poll(() => page.getByText('1 (100%)').count(), { timeout: 10_000 }).toBe(1);
        await page.getByRole('button', { name: 'Show as a table' }).click();
        await page.getByRole('table', { name: `Results of “${QUESTION}”` }).waitFor();
        await checkPage(page, 'poll console with results');
        await page.getByRole('link', { name: 'Open the big screen' }).click();
        await page.getByRole('heading', { level: 2, name: QUESTION }).waitFor();
        await expect.poll(() => page.getByText('1 (100%)').count()).toBe(1);
        await checkPage(page, 'poll big screen');
      });
    } finally {
      await host.close();
      await guest.close();
    }
  }, 180_000);
});
