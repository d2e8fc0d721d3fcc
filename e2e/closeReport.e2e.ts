import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { focusedName, tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const MEETING = 'Listening meeting: Hexthorpe';
const PROGRAMME = 'Listening to Hexthorpe';

describe('close report: a host writes up a meeting and reads its programme’s combined report', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads, edits, downloads and prints the close reports at 360 px with axe on every page', async () => {
    const host = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await host.browser.newPage();
      await journey(page, 'close-report', async () => {
        await signIn(server, page, ORGANISER);
        // A meeting with walk-ins, an issue raised, and a poll of one question answered twice (each step covered in its own journey).
        const made = await page.evaluate(async ({ title, programme }) => {
          const s = await (await fetch('/api/auth/session')).json();
          const headers = { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken };
          const post = async (url: string, body: unknown, method = 'POST') => {
            const res = await fetch(url, { method, headers, body: JSON.stringify(body) });
            if (res.status >= 300) throw new Error(`${url} ${res.status} ${await res.text()}`);
            return res.json();
          };
          const units = await (await fetch('/api/units')).json();
          const unit = units.items.find((u: { name: string }) => /Doncaster Central/.test(u.name)) ?? units.items[0];
          const event = await post('/api/events', { unitId: unit.id, kind: 'listening_meeting', title, mode: 'online', onlineUrl: 'https://meet.example.org/hexthorpe', startsAt: '2030-06-09T19:00', endsAt: '2030-06-09T20:30', visibility: 'members' });
          for (const [firstName, lastName] of [['Ffion', 'Hexthorpe'], ['Gareth', 'Hexthorpe']]) {
            await post(`/api/events/${event.id}/walk-ins`, { firstName, lastName, email: `${firstName}.${lastName}@example.org`.toLowerCase() });
          }
          await post(`/api/events/${event.id}/notes/issues`, { groupId: null, issue: { text: 'Damp in the terraces' }, peopleCount: 2, raisedBy: [] });
          const p = await post('/api/programmes', { unitId: unit.id, title: programme });
          const withQ = await post(`/api/programmes/${p.id}/questions`, { kind: 'single_choice', prompt: 'What should we take on first?', options: [{ label: 'Damp' }, { label: 'Buses' }] });
          const q = withQ.questions[withQ.questions.length - 1];
          await post(`/api/programmes/${p.id}/meetings/${event.id}`, { questionIds: [q.id] }, 'PUT');
          const session = await post('/api/polls/sessions', { eventId: event.id });
          await post(`/api/polls/sessions/${session.sessionId}/questions/${q.id}/open`, {});
          for (const option of [q.options[0].id, q.options[0].id]) {
            const joined = await (await fetch('/api/polls/join', { method: 'POST', headers, body: JSON.stringify({ code: session.joinCode }) })).json();
            await fetch('/api/polls/votes', { method: 'POST', headers: { ...headers, 'x-poll-token': joined.token }, body: JSON.stringify({ questionId: q.id, optionIds: [option] }) });
          }
          return `${event.id} ${p.id}`;
        }, { title: MEETING, programme: PROGRAMME });
        const [eventId, programmeId] = made.split(' ') as [string, string];

        // From the event page to its close report.
        await page.goto(`${server.url}/events/${eventId}`);
        await page.getByRole('link', { name: 'Close report' }).click();
        await page.getByRole('heading', { level: 1, name: `Close report: ${MEETING}` }).waitFor();
        await page.getByText('Partner organisations are not linked to meetings yet, so none are listed.').waitFor();
        await expect.poll(() => page.getByRole('list', { name: 'Issues raised, by times recorded' }).count()).toBe(1);
        await expect.poll(() => page.getByText('Damp in the terraces').count()).toBeGreaterThan(0);
        await checkPage(page, 'meeting close report');

        // Minutes, by keyboard alone.
        await page.getByLabel('Minutes of the meeting').focus();
        await page.keyboard.type('Agreed to survey the terraces before the next meeting.');
        await tabTo(page, /^Save minutes$/);
        await page.keyboard.press('Enter');
        await page.getByText('Minutes saved.').waitFor();
        await expect.poll(() => page.locator('.report-minutes').textContent()).toContain('Agreed to survey the terraces');

        // Every chart has its table.
        const issuesToggle = page.locator('.report-bars').first().getByRole('button', { name: 'Show as a table' });
        await issuesToggle.focus();
        expect(await focusedName(page)).toBe('Show as a table');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('table', { name: 'Issues raised, by times recorded' }).count()).toBe(1);
        await checkPage(page, 'meeting close report as tables');

        // The download and the print button.
        expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(`/api/events/${eventId}/report.csv`);
        const csv = await page.evaluate(async (url) => (await fetch(url)).text(), `/api/events/${eventId}/report.csv`);
        expect(csv.split('\n')[0]).toBe('section,breakout,subject,detail,measure,value');
        expect(csv).toContain('Agreed to survey the terraces');
        await page.evaluate(() => { (window as unknown as { printed: boolean }).printed = false; window.print = () => { (window as unknown as { printed: boolean }).printed = true; }; });
        await page.getByRole('button', { name: 'Print' }).click();
        expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
        // In print, the frame and the controls go and every chart's table shows.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.site-header').isVisible()).toBe(false);
        expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });

        // The programme's combined report, from the programme page.
        await page.goto(`${server.url}/programmes/${programmeId}`);
        await page.getByRole('link', { name: 'Close report' }).click();
        await page.getByRole('heading', { level: 1, name: `Close report: ${PROGRAMME}` }).waitFor();
        await expect.poll(() => page.getByRole('table', { name: 'What should we take on first?: by meeting' }).count()).toBe(1);
        await expect.poll(() => page.getByRole('link', { name: MEETING }).count()).toBe(1);
        await checkPage(page, 'programme close report');
        expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(`/api/programmes/${programmeId}/report.csv`);
      });
    } finally {
      await host.close();
    }
  }, 180_000);
});
