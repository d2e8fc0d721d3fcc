import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRsvps } from '../src/modules/events/schema.ts';
import { outbox } from '../src/modules/mail/schema.ts';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { focusedName, tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const TITLE = 'Damp in the flats: a house meeting';
const GUEST = 'sian.e2e@example.org';

describe('events: an organiser makes an event, someone signs up on a phone without an account, and is checked in at the door', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates, signs up, checks in and shows the attendance on the person', async () => {
    const organiser = await launchBrowser({ width: 360, height: 740 });
    const guest = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await organiser.browser.newPage();
      let publicUrl = '';
      await journey(page, 'events-organiser', async () => {
        await signIn(server, page, ORGANISER, { byKeyboard: true });
        await tabTo(page, /^Events$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
        await checkPage(page, 'events list');
        await tabTo(page, /^New event$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor();

        await tabTo(page, /^Title/);
        await page.keyboard.type(TITLE);
        await tabTo(page, /^Address/);
        await page.keyboard.type('Chapel Row community room');
        await tabTo(page, /^Postcode/);
        await page.keyboard.type('DN1 1AA');
        await tabTo(page, /^Access information/);
        await page.keyboard.type('Step-free; hearing loop.');
        await page.getByLabel('Starts').fill('2030-05-01T19:00');
        await page.getByLabel('Ends').fill('2030-05-01T21:00');
        await tabTo(page, /^Places/);
        await page.keyboard.type('20');
        await checkPage(page, 'new event form');
        await tabTo(page, /^Create event$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await checkPage(page, 'event page');
        publicUrl = (await page.getByRole('link', { name: /\/e\// }).textContent())!;
        expect(publicUrl).toMatch(/\/e\/[0-9a-f-]{36}$/);
        // The edit form, reached by keyboard, holds what was saved.
        await tabTo(page, /^Edit$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Edit ${TITLE}` }).waitFor();
        expect(await page.getByLabel('Starts').inputValue()).toBe('2030-05-01T19:00');
        await checkPage(page, 'edit event form');
        await page.goBack();
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      });

      const phone = await guest.browser.newPage();
      await journey(phone, 'guest', async () => {
        await phone.goto(publicUrl);
        await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        // The public page is its own small entry: none of the app's code is fetched.
        const scripts = await phone.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')));
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.filter((s) => /\/assets\/(main|client|Button|session)-/.test(s))).toEqual([]);
        await checkPage(phone, 'public event page');

        // Sign up by keyboard; a mistake first, reported at the top and at the field.
        await tabTo(phone, /^First name$/);
        await phone.keyboard.type('Siân');
        await tabTo(phone, /^Email$/);
        await phone.keyboard.type('not-an-email');
        await tabTo(phone, /^Sign up$/);
        await phone.keyboard.press('Enter');
        await phone.getByRole('alert').getByText('Not an email address.').waitFor();
        expect(await focusedName(phone)).toMatch(/Please fix/);
        await checkPage(phone, 'public event page with errors');
        await phone.getByRole('link', { name: 'Not an email address.' }).press('Enter');
        await expect.poll(() => focusedName(phone)).toBe('Email');
        await phone.keyboard.press('ControlOrMeta+a');
        await phone.keyboard.type(GUEST);
        await tabTo(phone, /^Email me about future meetings/);
        await phone.keyboard.press('Space');
        await tabTo(phone, /^Sign up$/);
        await phone.keyboard.press('Enter');
        await phone.getByRole('heading', { name: 'You have a place. We have emailed you your ticket.' }).waitFor();
        await checkPage(phone, 'public event page signed up');

        // The ticket from the email, with its QR code.
        const [mail] = await server.database.db.select().from(outbox).where(eq(outbox.toAddress, GUEST)).orderBy(desc(outbox.createdAt)).limit(1);
        const ticketUrl = /(http\S+\/e\/ticket#token=[\w-]+)/.exec(mail!.textBody)![1]!;
        await phone.goto(ticketUrl);
        await phone.getByRole('heading', { level: 1, name: 'Ticket for Siân' }).waitFor();
        await phone.getByRole('img', { name: /QR code of your ticket code/ }).waitFor();
        await checkPage(phone, 'ticket page');
        await phone.goto(ticketUrl.replace('/e/ticket', '/e/cancel'));
        await phone.getByRole('heading', { level: 1, name: 'Cancel your place' }).waitFor();
        await checkPage(phone, 'cancel page');
      });

      await journey(page, 'events-check-in', async () => {
        const [rsvp] = await server.database.db.select().from(eventRsvps).where(and(eq(eventRsvps.email, GUEST)));
        expect(rsvp).toMatchObject({ status: 'going', source: 'public', checkedInAt: null });
        await page.reload();
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await tabTo(page, /^Check people in$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `Check-in: ${TITLE}` }).waitFor();
        await checkPage(page, 'check-in page');
        // The code as a door volunteer might type it: lower case, a space for the dash.
        await tabTo(page, /^Ticket code/);
        await page.keyboard.type(rsvp!.checkInCode.toLowerCase().replace('-', ' '));
        await page.keyboard.press('Enter');
        await page.getByRole('status').getByText('Siân is checked in.').waitFor();
        await checkPage(page, 'check-in page after a check-in');
        const [after] = await server.database.db.select().from(eventRsvps).where(eq(eventRsvps.id, rsvp!.id));
        expect(after!.checkedInAt).not.toBeNull();

        // The attendance shows on the person's page.
        await page.getByRole('link', { name: 'Siân' }).click();
        await page.getByRole('heading', { level: 1, name: 'Siân' }).waitFor();
        const row = page.getByRole('table', { name: 'Events signed up to and attended' }).getByRole('row', { name: new RegExp(TITLE) });
        await row.getByRole('cell', { name: 'Yes' }).waitFor();
        await checkPage(page, 'person page with attendance');
      });

      await journey(page, 'events-signed-in sign-up', async () => {
        // Someone signed in (here the organiser) can use the public form too: it sends no session cookie.
        await page.goto(publicUrl);
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await page.getByLabel('First name', { exact: true }).fill('Jennie');
        await page.getByLabel('Email', { exact: true }).fill('jennie.e2e@example.org');
        await page.getByRole('button', { name: 'Sign up' }).click();
        await page.getByRole('heading', { name: 'You have a place. We have emailed you your ticket.' }).waitFor();
      });
    } finally {
      await organiser.close();
      await guest.close();
    }
  });
});
