import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { manageToken } from '../src/modules/events/rsvpTokens.ts';
import { focusedName, tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const MEETING = 'House meeting: Balby';
const PEOPLE = ['Aled Prosser', 'Bethan Prosser', 'Cerys Prosser', 'Dafydd Prosser'];

describe('breakout groups: a host splits a meeting, moves someone by keyboard, publishes, and reads and records for their group as facilitator', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('splits, adjusts by keyboard and publishes at 360 px with axe on every page', async () => {
    const host = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await host.browser.newPage();
      await journey(page, 'breakouts', async () => {
        await signIn(server, page, ORGANISER);
        // The meeting and its walk-ins are made as in the events journey (covered there).
        const made = await page.evaluate(async ({ title, people }) => {
          const s = await (await fetch('/api/auth/session')).json();
          const headers = { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken };
          const units = await (await fetch('/api/units')).json();
          const unit = units.items.find((u: { name: string }) => /Doncaster Central/.test(u.name)) ?? units.items[0];
          const res = await fetch('/api/events', {
            method: 'POST', headers,
            body: JSON.stringify({ unitId: unit.id, kind: 'house_meeting', title, mode: 'online', onlineUrl: 'https://meet.example.org/balby', startsAt: '2030-06-02T19:00', endsAt: '2030-06-02T20:30', visibility: 'members' }),
          });
          const id = (await res.json()).id as string;
          const statuses: number[] = [];
          for (const name of people) {
            const [firstName, lastName] = name.split(' ');
            statuses.push((await fetch(`/api/events/${id}/walk-ins`, { method: 'POST', headers, body: JSON.stringify({ firstName, lastName, email: `${firstName}.${lastName}@example.org`.toLowerCase() }) })).status);
          }
          return `${id} ${statuses.join(',')}`;
        }, { title: MEETING, people: PEOPLE });
        expect(made).toMatch(/^[0-9a-f-]{36} 201,201,201,201$/);
        const eventId = made.split(' ')[0]!;

        await page.goto(`${server.url}/events/${eventId}`);
        await page.getByRole('link', { name: 'Breakout groups' }).click();
        await page.getByRole('heading', { level: 1, name: `Breakout groups: ${MEETING}` }).waitFor();
        await page.getByText('No groups yet.').waitFor();
        await checkPage(page, 'breakouts before a split');

        await page.getByLabel('People per group (at most)').fill('2');
        await expect.poll(() => page.getByRole('checkbox').count()).toBeGreaterThan(0);
        await page.getByRole('checkbox', { name: /Jennie Lee/ }).check();
        await page.getByRole('button', { name: 'Split into groups' }).click();
        await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(2);
        await page.getByText('Not published yet: facilitators see nothing.').waitFor();
        await checkPage(page, 'breakouts after a split');

        // Move the first person of group 1 to group 2 by keyboard alone.
        const first = page.locator('.breakout-group').first();
        const name = (await first.locator('.breakout-members > li > span').first().textContent())!;
        await first.getByRole('button', { name: new RegExp(`Move ${name} to`) }).focus();
        expect(await focusedName(page)).toMatch(new RegExp(`Move ${name} to`));
        await page.keyboard.press('Enter');
        await page.getByRole('option', { name: 'Group 2' }).waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.getByText(`${name} moved to Group 2.`).waitFor();
        await expect.poll(() => page.locator('.breakout-group').nth(1).locator('.breakout-members > li').count()).toBe(3);

        await page.locator('.breakout-group').first().getByLabel('Group name').fill('Tenants corner');
        await page.locator('.breakout-group').first().getByRole('button', { name: 'Save name' }).click();
        await page.getByText('Group renamed.').waitFor();

        await page.getByRole('button', { name: 'Publish to facilitators' }).focus();
        await page.keyboard.press('Enter');
        await page.getByText('Published to facilitators.').waitFor();
        await checkPage(page, 'breakouts published');

        // The meeting asks a programme question; one answer from a phone not linked to a ticket counts under "no group".
        const voted = await page.evaluate(async (id) => {
          const s = await (await fetch('/api/auth/session')).json();
          const post = async (url: string, body?: unknown, method = 'POST', headers: Record<string, string> = {}) =>
            (await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken, ...headers }, body: JSON.stringify(body ?? {}) })).json();
          const event = await (await fetch(`/api/events/${id}`)).json();
          const p = await post('/api/programmes', { unitId: event.unit.id, title: 'Balby listening' });
          const bank = await post(`/api/programmes/${p.id}/questions`, { kind: 'single_choice', prompt: 'Which first?', options: [{ label: 'Repairs' }, { label: 'Rents' }] });
          const q = bank.questions[0];
          await post(`/api/programmes/${p.id}/meetings/${id}`, { questionIds: [q.id] }, 'PUT');
          const session = await post('/api/polls/sessions', { eventId: id });
          await post(`/api/polls/sessions/${session.sessionId}/questions/${q.id}/open`);
          const joined = await post('/api/polls/join', { code: session.joinCode });
          const res = await fetch('/api/polls/votes', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken, 'x-poll-token': joined.token }, body: JSON.stringify({ questionId: q.id, optionIds: [q.options[1].id] }) });
          return res.status;
        }, eventId);
        expect(voted).toBe(200);
        await page.reload();
        await page.getByRole('heading', { level: 2, name: 'Poll results by group' }).waitFor();
        await page.getByRole('heading', { level: 3, name: 'Which first?' }).waitFor();
        await page.getByRole('button', { name: /Results for/ }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('option', { name: 'Tenants corner' }).click();
        await page.getByText('0 answers').first().waitFor();
        await page.getByRole('button', { name: /Results for/ }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('option', { name: 'People in no published group' }).click();
        await page.getByText('1 answer', { exact: true }).first().waitFor();
        await checkPage(page, 'breakout results');

        // The host records a theme for the whole room.
        const room = page.getByRole('region', { name: 'What the whole meeting raised' });
        await room.getByLabel('A theme, in a few words').fill('Repairs take months');
        await room.getByRole('button', { name: 'Record theme' }).click();
        await page.getByText('Theme recorded.').waitFor();
        await expect.poll(() => room.getByRole('list', { name: 'Themes' }).getByText('Repairs take months').count()).toBe(1);
        await checkPage(page, 'breakouts with the meeting console');

        await page.getByRole('link', { name: 'My breakout group' }).click();
        await page.getByRole('heading', { level: 1, name: `My breakout group: ${MEETING}` }).waitFor();
        await page.getByRole('heading', { level: 2, name: /Tenants corner/ }).waitFor();
        const group = page.locator('.breakout-group').first();
        await expect.poll(() => group.locator(':scope > ul').getByRole('listitem').filter({ hasText: 'Prosser' }).count()).toBe(1);
        await checkPage(page, 'my breakout group');

        // The facilitator records an issue raised (from the list, by the attendee), then a quote: refused until the speaker consents.
        await expect.poll(() => group.getByLabel('Issue', { exact: true }).locator('option').count()).toBeGreaterThan(1);
        await group.getByLabel('Issue', { exact: true }).selectOption({ index: 1 });
        await group.getByRole('checkbox', { name: /Prosser/ }).check();
        await group.getByRole('button', { name: 'Record issue' }).click();
        await page.getByText('Issue recorded.').waitFor();
        await expect.poll(() => group.getByRole('list', { name: 'Issues raised' }).getByRole('listitem').filter({ hasText: 'Prosser' }).count()).toBe(1);
        await group.getByLabel('What they said').fill('The lift has been broken since March.');
        await group.getByRole('button', { name: 'Record quote' }).click();
        await page.getByText(/kept only when the speaker agrees/).waitFor();
        await group.getByLabel('The speaker agreed to these words being used').focus();
        await page.keyboard.press('Space');
        await group.getByRole('button', { name: 'Record quote' }).focus();
        await page.keyboard.press('Enter');
        await page.getByText('Quote recorded.').waitFor();
        await expect.poll(() => group.getByRole('list', { name: 'Quotes' }).getByText('The lift has been broken since March.').count()).toBe(1);
        await checkPage(page, 'my breakout group with notes');

        // The meeting then puts an open-text question, answered from two phones on the ticket of the group's attendee.
        const asked = await page.evaluate(async (id) => {
          const s = await (await fetch('/api/auth/session')).json();
          const post = async (url: string, body?: unknown, method = 'POST') =>
            (await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, body: JSON.stringify(body ?? {}) })).json();
          const poll = await (await fetch(`/api/polls/meetings/${id}`)).json();
          const bank = await post(`/api/programmes/${poll.programmeId}/questions`, { kind: 'open_text', prompt: 'What would change your street?' });
          const q = bank.questions[bank.questions.length - 1];
          await post(`/api/programmes/${poll.programmeId}/meetings/${id}`, { questionIds: bank.questions.map((x: { id: string }) => x.id) }, 'PUT');
          await post(`/api/polls/sessions/${poll.session.sessionId}/questions/${q.id}/open`);
          const plan = await (await fetch(`/api/events/${id}/breakouts`)).json();
          const mine = plan.groups.find((g: { name: string }) => g.name === 'Tenants corner');
          return { code: poll.session.joinCode as string, questionId: q.id as string, rsvpIds: mine.members.map((m: { rsvpId: string }) => m.rsvpId) as string[] };
        }, eventId);
        for (const text of ['Damp in the flats', 'The damp and mould in our flat']) {
          const rsvpToken = manageToken(server.app.ctx.secret, asked.rsvpIds[0]!);
          const joined = await fetch(`${server.url}/api/polls/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: asked.code, rsvpToken }) });
          const { token } = (await joined.json()) as { token: string };
          const voted = await fetch(`${server.url}/api/polls/votes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-poll-token': token }, body: JSON.stringify({ questionId: asked.questionId, text }) });
          expect(voted.status).toBe(200);
        }

        // The facilitator confirms a theme of their group's answers by keyboard on their group page.
        await page.reload();
        await page.getByRole('heading', { level: 3, name: 'Themes of the group’s answers' }).waitFor();
        await page.getByRole('heading', { level: 4, name: '“What would change your street?”' }).waitFor();
        await expect.poll(() => page.getByRole('heading', { level: 5, name: /Damp, flat · 2 answers/ }).count(), { timeout: 10_000 }).toBe(1);
        await checkPage(page, 'my breakout group with suggested themes');
        await page.getByLabel('Name for “Damp, flat”').fill('Damp homes');
        await tabTo(page, /^Confirm theme: Damp, flat$/);
        await page.keyboard.press('Enter');
        await page.getByText('Theme “Damp homes” confirmed.').waitFor();
        await expect.poll(() => page.getByRole('heading', { level: 5, name: /Damp homes · 2 answers/ }).count()).toBe(1);
        await expect.poll(() => page.getByRole('row', { name: /Damp homes 2 Confirmed/ }).count()).toBe(1);
        await checkPage(page, 'my breakout group with a confirmed theme');
      });
    } finally {
      await host.close();
    }
  }, 240_000);
});
