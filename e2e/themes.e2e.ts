import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const MEETING = 'Listening meeting: Balby';
const QUESTION = 'What would change your street?';
const ANSWERS = ['Damp in the flats', 'The damp and mould in our flat', 'Damp everywhere', 'Buses are always late', 'A youth club'];

describe('themes: participants answer an open-text question and the host confirms a theme', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('suggests themes from the answers, confirms one by keyboard and shows it on the big screen', async () => {
    const host = await launchBrowser({ width: 360, height: 740 });
    const guest = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await host.browser.newPage();
      let eventId = '';
      let code = '';
      await journey(page, 'themes-setup', async () => {
        await signIn(server, page, ORGANISER);
        // The programme, question and meeting are made through the API (their pages are covered by the polls journey).
        ({ eventId, code } = await page.evaluate(async ({ title, prompt }) => {
          const s = await (await fetch('/api/auth/session')).json();
          const post = async (url: string, body: unknown, method = 'POST') => {
            const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, body: JSON.stringify(body) });
            if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
            return res.json();
          };
          const units = await (await fetch('/api/units')).json();
          const unit = units.items.find((u: { name: string }) => /Doncaster Central/.test(u.name)) ?? units.items[0];
          const event = await post('/api/events', { unitId: unit.id, kind: 'listening_meeting', title, mode: 'online', onlineUrl: 'https://meet.example.org/balby', startsAt: '2030-06-02T19:00', endsAt: '2030-06-02T20:30', visibility: 'members' });
          const programme = await post('/api/programmes', { unitId: unit.id, title: 'Listening to Balby' });
          const withQuestion = await post(`/api/programmes/${programme.id}/questions`, { kind: 'open_text', prompt });
          const question = withQuestion.questions[0];
          await post(`/api/programmes/${programme.id}/meetings/${event.id}`, { questionIds: [question.id] }, 'PUT');
          const session = await post('/api/polls/sessions', { eventId: event.id });
          await post(`/api/polls/sessions/${session.sessionId}/questions/${question.id}/open`, {});
          return { eventId: event.id as string, code: session.joinCode as string };
        }, { title: MEETING, prompt: QUESTION }));
        expect(code).toMatch(/^[2-9A-Z]{6}$/);
      });

      const phone = await guest.browser.newPage();
      await journey(phone, 'themes-participant', async () => {
        await phone.goto(`${server.url}/join`);
        await phone.getByLabel('Code shown in the room').fill(code);
        await phone.keyboard.press('Enter');
        await phone.getByRole('heading', { level: 1, name: MEETING }).waitFor();
        await phone.getByLabel('Your answer').fill(ANSWERS[0]!);
        await phone.getByRole('button', { name: 'Send my answer' }).click();
        await phone.getByText('Your answer is in').waitFor();
        await checkPage(phone, 'open-text answer on a phone');
      });
      // The rest of the room answers from their own phones.
      for (const text of ANSWERS.slice(1)) {
        const joined = await fetch(`${server.url}/api/polls/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
        const { token } = (await joined.json()) as { token: string };
        const live = await (await fetch(`${server.url}/api/polls/live/${code}`)).json() as { openQuestion: { id: string } };
        const voted = await fetch(`${server.url}/api/polls/votes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-poll-token': token }, body: JSON.stringify({ questionId: live.openQuestion.id, text }) });
        expect(voted.status).toBe(200);
      }

      await journey(page, 'themes-host', async () => {
        await page.goto(`${server.url}/polls/${eventId}`);
        await page.getByRole('heading', { level: 4, name: 'Themes' }).waitFor();
        await expect.poll(() => page.getByRole('heading', { level: 5, name: /Damp, flat · 3 answers/ }).count(), { timeout: 10_000 }).toBe(1);
        await page.getByRole('table', { name: `Themes of “${QUESTION}”` }).waitFor();
        await checkPage(page, 'poll console with suggested themes');

        // Rename the suggestion and confirm it without a mouse.
        await page.getByLabel('Name for “Damp, flat”').fill('Damp homes');
        await tabTo(page, /^Confirm theme: Damp, flat$/);
        await page.keyboard.press('Enter');
        await page.getByText('Theme “Damp homes” confirmed.').waitFor();
        await expect.poll(() => page.getByRole('heading', { level: 5, name: /Damp homes · 3 answers/ }).count()).toBe(1);
        await expect.poll(() => page.getByRole('row', { name: /Damp homes 3 Confirmed/ }).count()).toBe(1);
        await checkPage(page, 'poll console with a confirmed theme');

        await page.getByRole('link', { name: 'Open the big screen' }).click();
        await page.getByRole('heading', { level: 3, name: 'Themes confirmed' }).waitFor();
        await expect.poll(() => page.getByRole('list', { name: `Themes of “${QUESTION}” as bars` }).getByText('3 (60%)').count()).toBe(1);
        await page.getByRole('button', { name: 'Show themes as a table' }).click();
        await page.getByRole('table', { name: `Themes of “${QUESTION}”` }).waitFor();
        await checkPage(page, 'big screen with confirmed themes');
      });
    } finally {
      await host.close();
      await guest.close();
    }
  }, 180_000);
});
