import { and, eq, isNull, like, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../src/modules/accounts/schema.ts';
import { conversationOrganisers, conversationPeople, conversations } from '../src/modules/conversations/schema.ts';
import { followUps } from '../src/modules/follow-ups/schema.ts';
import { ladderLevels } from '../src/modules/ladder/schema.ts';
import { people } from '../src/modules/people/schema.ts';
import { relationships } from '../src/modules/relationships/schema.ts';
import { units } from '../src/modules/units/schema.ts';
import { checkPage, journey, launchBrowser } from './browser.ts';
import { focusedName, tabTo } from './keyboard.ts';
import { signIn } from './signIn.ts';
import { startServer, type E2eServer } from './server.ts';

const ORGANISER = 'organiser@demo.tredegar.local';
const VOLUNTEER = 'volunteer@demo.tredegar.local';
const ASK = 'Bring two neighbours to the damp meeting';
const OWN_WORDS = 'Bins left out for weeks';
const ADMIN = 'admin@demo.tredegar.local';
const VOLUNTEER_NAME = 'Aneurin Jones (demo volunteer)';
const ORGANISER_NAME = 'Jennie Lee (demo organiser)';

describe('conversations: log one on a phone, see it on the person, act on it', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Demo people in the organiser's Doncaster Central town branch, by name. */
  async function townPeople() {
    return server.database.db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
      .from(people).innerJoin(units, eq(units.id, people.unitId))
      .where(and(eq(units.code, 'doncaster-central-town'), isNull(people.deletedAt)))
      .orderBy(people.lastName, people.firstName).limit(40);
  }

  /** Someone in `candidates` with no link to `personId` yet (the demo links some of its people). */
  async function unlinked(personId: string, candidates: { id: string; firstName: string; lastName: string }[]) {
    const links = await server.database.db.select({ a: relationships.personId, b: relationships.otherPersonId }).from(relationships)
      .where(or(eq(relationships.personId, personId), eq(relationships.otherPersonId, personId)));
    const linked = new Set(links.flatMap((l) => [l.a, l.b]));
    return candidates.find((c) => c.id !== personId && !linked.has(c.id))!;
  }

  const conversationsWith = async (personId: string) =>
    server.database.db.$count(conversationPeople, and(eq(conversationPeople.personId, personId), isNull(conversationPeople.deletedAt)));

  it('the demo organiser logs a conversation by keyboard alone at 360px, then marks the commitment kept and finds the follow-up', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'conversations-organiser', async () => {
        const town = await townPeople();
        const person = town[0];
        const friend = await unlinked(person!.id, town);
        const name = `${person!.firstName} ${person!.lastName}`;
        const friendName = `${friend!.firstName} ${friend!.lastName}`;
        const before = await conversationsWith(person!.id);
        await signIn(server, page, ORGANISER, { byKeyboard: true });

        await tabTo(page, /^Conversations$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
        await tabTo(page, /^Log a conversation$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Log a conversation' }).waitFor();
        await page.getByRole('searchbox', { name: 'Add an issue' }).waitFor();
        await checkPage(page, 'log a conversation');

        // Kind: Tab reaches the group, Space chooses.
        await tabTo(page, /^One-to-one$/);
        await page.keyboard.press('Space');
        expect(await page.getByRole('radio', { name: 'One-to-one' }).isChecked()).toBe(true);

        // An existing person, found by name: the matches are listed under the box, Tab reaches them.
        await tabTo(page, /Who did you speak with/);
        await page.keyboard.type(name);
        await page.getByRole('button', { name: new RegExp(`^Choose ${name}`) }).waitFor();
        await page.getByRole('status').filter({ hasText: '1 person found' }).waitFor();
        await page.keyboard.press('Tab');
        expect(await focusedName(page)).toMatch(new RegExp(`^Choose ${name}`));
        await page.keyboard.press('Enter');
        await page.getByRole('list', { name: 'People spoken with' }).getByText(name).waitFor();
        expect(await focusedName(page)).toMatch(/Anyone else/);

        // An issue from the taxonomy.
        await tabTo(page, /Add an issue/);
        await page.keyboard.type('Damp');
        await page.getByRole('button', { name: 'Add Damp and mould' }).waitFor();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.getByRole('list', { name: 'Issues raised' }).getByText('Damp and mould').waitFor();
        // And one in their own words, which becomes a proposal for organisers to decide on.
        await page.keyboard.type(OWN_WORDS);
        await page.getByRole('button', { name: new RegExp(`Add “${OWN_WORDS}” in their words`) }).waitFor();
        await tabTo(page, new RegExp(`Add “${OWN_WORDS}” in their words`));
        await page.keyboard.press('Enter');
        await page.getByRole('list', { name: 'Issues raised' }).getByText(`“${OWN_WORDS}” (new)`).waitFor();

        // A self-interest note, in a section opened from the keyboard.
        await tabTo(page, /^Self-interest and story/);
        await page.keyboard.press('Enter');
        await tabTo(page, /^Self-interest$/);
        await page.keyboard.type('Her son’s asthma is worse since the damp came back; the landlord ignores her.');

        // The organising assessment: arrows move the choice along the scale.
        await tabTo(page, /^Assessments/);
        await page.keyboard.press('Enter');
        await tabTo(page, /^1: Leader/);
        await page.keyboard.press('ArrowRight');
        expect(await page.getByRole('radio', { name: /^2: Active/ }).isChecked()).toBe(true);

        // A commitment: adding one moves focus to what was asked.
        await tabTo(page, /^Commitments/);
        await page.keyboard.press('Enter');
        await tabTo(page, /^Add a commitment$/);
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toBe('Attend');
        // Arrows move round the choices: left from the first is the last, "Other", said in words.
        await page.keyboard.press('ArrowLeft');
        expect(await page.getByRole('radiogroup', { name: 'What did you ask?' }).getByRole('radio', { name: 'Other' }).isChecked()).toBe(true);
        await tabTo(page, /^What was asked/);
        await page.keyboard.type(ASK);

        // A follow-up, due in a week by default.
        await tabTo(page, /^Follow-ups/);
        await page.keyboard.press('Enter');
        await tabTo(page, /^Add a follow-up$/);
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toMatch(/Due on/);
        await tabTo(page, /^Reason$/);
        await page.keyboard.type('Bring the damp photos to the tenants’ meeting');
        await checkPage(page, 'log a conversation, filled in');

        // A length the server refuses: the error is listed at the top and shown at the field.
        await tabTo(page, /^When and who with/, { back: true });
        await page.keyboard.press('Enter');
        await tabTo(page, /^Length in minutes$/);
        await page.keyboard.type('2000');
        await tabTo(page, /^Save conversation$/);
        await page.keyboard.press('Enter');
        const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
        await problem.getByRole('link', { name: /^Length in minutes: / }).waitFor();
        expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
        expect(await page.getByRole('textbox', { name: 'Length in minutes' }).getAttribute('aria-invalid')).toBe('true');
        expect(await conversationsWith(person!.id)).toBe(before);
        await checkPage(page, 'log a conversation with an error');
        await tabTo(page, /^Length in minutes: /);
        await page.keyboard.press('Enter');
        expect(await focusedName(page)).toBe('Length in minutes');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('20');

        // The first answer is lost on the way back: the server has it, the phone does not know.
        let lost = false;
        await page.route('**/api/conversations', async (route) => {
          if (lost || route.request().method() !== 'POST') return route.fallback();
          lost = true;
          await route.fetch();
          await route.abort('failed');
        });
        await tabTo(page, /^Save conversation$/);
        await page.keyboard.press('Enter');
        await page.getByRole('alert').getByText(/Could not reach the server/).waitFor();
        expect(lost).toBe(true);
        expect(await conversationsWith(person!.id)).toBe(before + 1);
        await checkPage(page, 'log a conversation, answer lost');

        // Saving again replays the same submission: still one conversation.
        await tabTo(page, /^Save conversation$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Conversation logged' }).waitFor();
        expect(await conversationsWith(person!.id)).toBe(before + 1);
        await page.getByText(`One-to-one with ${name}`).waitFor();
        await checkPage(page, 'conversation logged');

        // On the person's page: the conversation on the timeline, the commitment marked kept in one press.
        await tabTo(page, new RegExp(`^View ${person!.firstName}`));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name }).waitFor();
        const timeline = page.getByRole('listitem').filter({ hasText: 'Her son’s asthma is worse' });
        await timeline.getByText('Damp and mould').waitFor();
        await page.getByRole('button', { name: `Mark “${ASK}” kept` }).waitFor();
        await checkPage(page, 'person with organising');
        await tabTo(page, new RegExp(`^Mark “${ASK}” kept$`));
        await page.keyboard.press('Enter');
        await page.getByText(`“${ASK}” marked Kept.`).waitFor();
        await page.getByRole('button', { name: `Reopen “${ASK}”` }).waitFor();
        await checkPage(page, 'person after marking kept');

        // Put them on a level by hand, with a reason.
        await page.getByRole('button', { name: 'Change level by hand' }).click();
        await page.getByRole('button', { name: /(^| )Level$/ }).click();
        await page.getByRole('option', { name: 'Leader', exact: true }).click();
        await page.getByRole('textbox', { name: 'Reason' }).fill('Runs the tenants’ WhatsApp group');
        await page.getByRole('button', { name: 'Set level' }).click();
        await page.getByText('Level set.').waitFor();
        await page.getByText(/set by hand by Jennie Lee \(demo organiser\): Runs the tenants’ WhatsApp group/).waitFor();
        await checkPage(page, 'person with a level set by hand');

        // The follow-up is on the organiser's dashboard.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organising' }).click();
        await page.getByRole('heading', { level: 1, name: 'Organiser dashboard' }).waitFor();
        await page.getByText('Bring the damp photos to the tenants’ meeting').waitFor();
        await checkPage(page, 'organiser dashboard');

        // Every organising page is usable and accessible at phone width.
        for (const [link, heading] of [['My people', 'My people'], ['Ladder', 'Ladder of engagement'], ['Leaders', 'Potential leaders'], ['Issues raised', 'Issues raised'], ['Issue list', 'Issue list']] as const) {
          await page.getByRole('navigation', { name: 'Organising pages' }).getByRole('link', { name: link, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          // A page may show several loading regions at once (My people loads its list and its graph).
          await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loading' }).count(), { timeout: 30_000 }).toBe(0);
          await checkPage(page, heading);
        }
        // The issue list: approve the proposal made from the conversation.
        const proposal = page.getByRole('listitem').filter({ hasText: OWN_WORDS });
        await proposal.getByRole('button', { name: `Approve ${OWN_WORDS}` }).click();
        await page.getByRole('heading', { name: 'Approved issues' }).waitFor();
        await expect.poll(() => page.getByRole('button', { name: `Approve ${OWN_WORDS}` }).count()).toBe(0);
        await page.getByRole('region', { name: 'Approved issues' }).getByText(OWN_WORDS, { exact: true }).waitFor();
        // The ladder: the demo's levels with people on them, as bars and as a table.
        await page.getByRole('navigation', { name: 'Organising pages' }).getByRole('link', { name: 'Ladder', exact: true }).click();
        const pipeline = page.getByRole('table', { name: /People per level and movement in the last 30 days/ });
        await pipeline.waitFor();
        expect(await pipeline.getByRole('row').count()).toBeGreaterThan(2);
        await page.getByRole('radiogroup', { name: 'Movement in the last' }).getByText('90 days').click();
        await page.getByRole('table', { name: /in the last 90 days/ }).waitFor();
        // Mark the top potential leader as a leader in development, with me as mentor.
        await page.getByRole('navigation', { name: 'Organising pages' }).getByRole('link', { name: 'Leaders', exact: true }).click();
        const top = page.getByRole('list', { name: 'Potential leaders, highest score first' }).getByRole('listitem').first();
        await top.getByRole('button', { name: /^(Mark .* as a leader in development|Change the mentor of .*)$/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('heading', { name: /as a leader in development/ }).waitFor();
        await checkPage(page, 'leader in development dialog');
        await dialog.getByRole('textbox', { name: 'Note' }).fill('Ready to run a house meeting');
        await dialog.getByRole('button', { name: 'Save' }).click();
        await top.getByText('In development with Jennie Lee (demo organiser)').waitFor();

        await page.goto(`${server.url}/organising/relationships/${person!.id}`);
        await page.getByRole('heading', { level: 1, name: `Relationships of ${name}` }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Add a link' }).waitFor();
        await checkPage(page, 'relationships');
        // Link them to a friend: the link shows in the map (each person a focusable link) and in the table beside it.
        await page.getByRole('combobox', { name: 'Other person' }).fill(friendName);
        await page.getByRole('option', { name: new RegExp(friendName) }).click();
        await page.getByRole('radiogroup', { name: 'Strength' }).getByText('4').click();
        await page.getByRole('button', { name: 'Add link' }).click();
        await page.getByText(`Link between ${name} and ${friendName} added.`).waitFor();
        const map = page.getByRole('group', { name: `Relationship map around ${name}` });
        await map.getByRole('link', { name: new RegExp(`^${friendName}, .*, \\d+ links?$`) }).waitFor();
        await page.locator('main').focus();
        await tabTo(page, new RegExp(`^${friendName}, .*, \\d+ links?$`));
        const rows = await page.getByRole('table', { name: `Relationships around ${name}` }).getByRole('row').allTextContents();
        expect(rows.some((r) => r.includes(name) && r.includes(friendName) && /Friend\s*4 of 5/.test(r))).toBe(true);
        await checkPage(page, 'relationships with a link');

        // The conversation in the list, its page, and its edit form.
        await page.goto(`${server.url}/conversations`);
        await page.getByRole('table', { name: /Conversations/ }).getByRole('row', { name: new RegExp(name) }).first().getByRole('link').click();
        await page.getByRole('heading', { level: 1, name: `One-to-one with ${name}` }).waitFor();
        await page.getByText('Organising assessment: 2 (Active: acts and brings others)').waitFor();
        await checkPage(page, 'conversation');
        await page.getByRole('link', { name: 'Edit' }).click();
        await page.getByRole('heading', { level: 1, name: 'Edit conversation' }).waitFor();
        await checkPage(page, 'edit conversation');
        await page.getByRole('radiogroup', { name: 'Kind of conversation' }).getByText('Listening').click();
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.getByRole('heading', { level: 1, name: `Listening with ${name}` }).waitFor();
        await page.getByText('Her son’s asthma is worse since the damp came back; the landlord ignores her.').waitFor();

        // Deleting asks first, then the conversation is gone.
        await page.getByRole('button', { name: 'Delete' }).click();
        await page.getByRole('alertdialog').getByRole('heading', { name: 'Delete this conversation?' }).waitFor();
        await checkPage(page, 'delete conversation dialog');
        await page.getByRole('alertdialog').getByRole('button', { name: 'Delete conversation' }).click();
        await page.getByText('Conversation deleted.').waitFor();
        expect(await conversationsWith(person!.id)).toBe(before);
      });
    } finally {
      await b.close();
    }
  }, 300_000);

  it('the demo organiser logs a conversation held with a co-organiser and gives them the follow-up, then changes the co-organisers, by keyboard at 360px', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'conversations-co-organiser', async () => {
        const [person] = (await townPeople()).slice(-1);
        const name = `${person!.firstName} ${person!.lastName}`;
        const [volunteer] = await server.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, VOLUNTEER));
        const reason = `Aneurin drops the rent survey round to ${person!.firstName}`;
        await signIn(server, page, ORGANISER, { byKeyboard: true });
        await page.goto(`${server.url}/conversations/new?person=${person!.id}`);
        await page.getByRole('list', { name: 'People spoken with' }).getByText(name).waitFor();

        await tabTo(page, /^One-to-one$/);
        await page.keyboard.press('Space');

        // Co-organisers: found by name in the account directory, shown as chips that can be removed.
        await tabTo(page, /^When and who with/);
        await page.keyboard.press('Enter');
        await tabTo(page, /^Add a co-organiser/);
        await page.keyboard.type('aneurin');
        await page.getByRole('status').filter({ hasText: '1 person found' }).waitFor();
        await page.keyboard.press('Tab');
        expect(await focusedName(page)).toMatch(new RegExp(`^Choose ${VOLUNTEER_NAME.replace(/[()]/g, '\\$&')}`));
        await page.keyboard.press('Enter');
        const chips = page.getByRole('list', { name: 'Co-organisers' });
        await chips.getByText(VOLUNTEER_NAME).waitFor();
        expect(await focusedName(page)).toMatch(/^Add a co-organiser/);
        // Only people in the organiser's units are offered, never the organiser again, and no email addresses.
        const answer = page.waitForResponse((r) => r.url().includes('/api/accounts/directory') && r.url().includes('q=demo'));
        await page.keyboard.type('demo');
        const listed = (await (await answer).json()).items as { id: string; displayName: string; units: unknown[] }[];
        expect(listed.every((i) => Object.keys(i).sort().join() === 'displayName,id,units')).toBe(true);
        expect(listed.map((i) => i.displayName)).not.toContain('Nye Bevan (demo admin)');
        await page.getByRole('status').filter({ hasText: /Nobody with that name|found/ }).waitFor();
        const offered = await page.getByRole('list', { name: 'Add a co-organiser' }).getByRole('button').allTextContents();
        expect(offered.join(' ')).not.toMatch(/Jennie|Aneurin|Nye Bevan|@/);
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await tabTo(page, new RegExp(`^Remove ${VOLUNTEER_NAME.replace(/[()]/g, '\\$&')}`), { back: true });
        await page.keyboard.press('Enter');
        await expect.poll(() => chips.count()).toBe(0);
        expect(await focusedName(page)).toMatch(/^Add a co-organiser/);
        await page.keyboard.type('Jones');
        await page.getByRole('status').filter({ hasText: '1 person found' }).waitFor();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await chips.getByText(VOLUNTEER_NAME).waitFor();
        await page.getByRole('button', { name: /^When and who with.*Now, by Jennie Lee \(demo organiser\) and 1 other/ }).waitFor();
        await checkPage(page, 'log a conversation with a co-organiser');

        // A follow-up: mine by default, given to the co-organiser instead.
        await tabTo(page, /^Follow-ups/);
        await page.keyboard.press('Enter');
        await tabTo(page, /^Add a follow-up$/);
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toMatch(/Due on/);
        const assignee = page.getByRole('group', { name: 'Assigned to' });
        await assignee.getByText(`Me (${ORGANISER_NAME})`).waitFor();
        await tabTo(page, /^Change: Assigned to Me/, { back: true });
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toMatch(/^Who will follow up/);
        await page.keyboard.type('aneurin');
        await page.getByRole('button', { name: new RegExp(`^Choose ${VOLUNTEER_NAME.replace(/[()]/g, '\\$&')}`) }).waitFor();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toBe(`Change: Assigned to ${VOLUNTEER_NAME}`);
        await checkPage(page, 'log a conversation with a follow-up for the co-organiser');
        await tabTo(page, /^Reason$/);
        await page.keyboard.type(reason);

        await tabTo(page, /^Save conversation$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Conversation logged' }).waitFor();
        await checkPage(page, 'conversation with a co-organiser logged');

        const [saved] = await server.database.db.select({ id: followUps.conversationId, assignee: followUps.assigneeAccountId }).from(followUps).where(eq(followUps.reason, reason));
        expect(saved!.assignee).toBe(volunteer!.id);
        const held = await server.database.db.select({ accountId: conversationOrganisers.accountId }).from(conversationOrganisers).where(eq(conversationOrganisers.conversationId, saved!.id!));
        expect(held.map((h) => h.accountId)).toContain(volunteer!.id);
        expect(held).toHaveLength(2);

        // Changing the co-organisers afterwards: Aneurin off, then back on, by keyboard; whoever logged it always stays.
        const organisersNow = async () => (await server.database.db.select({ accountId: conversationOrganisers.accountId }).from(conversationOrganisers)
          .where(eq(conversationOrganisers.conversationId, saved!.id!))).map((h) => h.accountId).sort();
        const [organiser] = await server.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, ORGANISER));
        const openEdit = async () => {
          await page.goto(`${server.url}/conversations/${saved!.id}`);
          await page.getByRole('heading', { level: 1, name: `One-to-one with ${name}` }).waitFor();
          await tabTo(page, /^Edit$/);
          await page.keyboard.press('Enter');
          await page.getByRole('heading', { level: 1, name: 'Edit conversation' }).waitFor();
        };
        await openEdit();
        const editChips = page.getByRole('list', { name: 'Co-organisers' });
        await editChips.getByText(VOLUNTEER_NAME).waitFor();
        const group = page.getByRole('group', { name: 'Co-organisers' });
        const always = group.getByText(`${ORGANISER_NAME} is always one of them.`);
        await always.waitFor();
        expect(await group.getAttribute('aria-describedby')).toBe(await always.getAttribute('id'));
        await checkPage(page, 'edit conversation with a co-organiser');
        await tabTo(page, new RegExp(`^Remove ${VOLUNTEER_NAME.replace(/[()]/g, '\\$&')}`));
        await page.keyboard.press('Enter');
        await expect.poll(() => editChips.count()).toBe(0);
        expect(await focusedName(page)).toMatch(/^Add a co-organiser/);
        await tabTo(page, /^Save changes$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `One-to-one with ${name}` }).waitFor();
        expect(await organisersNow()).toEqual([organiser!.id]);

        await openEdit();
        await tabTo(page, /^Add a co-organiser/);
        // The one who logged it is never offered.
        await page.keyboard.type('jennie');
        await page.getByRole('status').filter({ hasText: 'Nobody with that name can be chosen here.' }).waitFor();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.keyboard.type('aneurin');
        await page.getByRole('status').filter({ hasText: '1 person found' }).waitFor();
        await page.keyboard.press('Tab');
        expect(await focusedName(page)).toMatch(new RegExp(`^Choose ${VOLUNTEER_NAME.replace(/[()]/g, '\\$&')}`));
        await page.keyboard.press('Enter');
        await editChips.getByText(VOLUNTEER_NAME).waitFor();
        await checkPage(page, 'edit conversation adding a co-organiser');
        await tabTo(page, /^Save changes$/);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: `One-to-one with ${name}` }).waitFor();
        await page.getByText(`${ORGANISER_NAME}, ${VOLUNTEER_NAME}`).or(page.getByText(`${VOLUNTEER_NAME}, ${ORGANISER_NAME}`)).waitFor();
        expect(await organisersNow()).toEqual([organiser!.id, volunteer!.id].sort());
      });
    } finally {
      await b.close();
    }
  }, 240_000);

  it('an admin chooses an organiser as the mentor of a leader in development, by keyboard', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'conversations-mentor', async () => {
        await signIn(server, page, ADMIN, { byKeyboard: true });
        await page.goto(`${server.url}/organising/leaders`);
        const list = page.getByRole('list', { name: 'Potential leaders, highest score first' });
        const mark = list.getByRole('button', { name: /^Mark .* as a leader in development$/ }).first();
        const who = /^Mark (.*) as a leader in development$/.exec((await mark.getAttribute('aria-label'))!)![1]!;
        const item = list.getByRole('listitem').filter({ hasText: who }).first();
        await item.getByRole('button', { name: `Mark ${who} as a leader in development` }).focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('group', { name: 'Mentoring organiser' }).waitFor();
        await tabTo(page, /^Change: Mentoring organiser/);
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toMatch(/^Find a mentoring organiser/);
        await page.keyboard.type('jennie');
        await dialog.getByRole('button', { name: new RegExp(`^Choose ${ORGANISER_NAME.replace(/[()]/g, '\\$&')}`) }).waitFor();
        await checkPage(page, 'choosing a mentor');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedName(page)).toBe(`Change: Mentoring organiser ${ORGANISER_NAME}`);
        await tabTo(page, /^Save$/);
        await page.keyboard.press('Enter');
        await item.getByText(`In development with ${ORGANISER_NAME}`).waitFor();
      });
    } finally {
      await b.close();
    }
  }, 180_000);

  it('an admin of the whole organisation changes the ladder', async () => {
    const b = await launchBrowser({ width: 1280, height: 900 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'conversations-admin', async () => {
        await signIn(server, page, ADMIN, { byKeyboard: true });
        await page.goto(`${server.url}/organising/ladder`);
        await page.getByRole('heading', { level: 2, name: 'Levels and rules' }).waitFor();
        const first = page.getByRole('group', { name: /^Level 1:/ });
        await first.waitFor();
        await checkPage(page, 'ladder with its levels');
        const nextStep = first.getByRole('textbox', { name: 'Next step to offer' });
        await nextStep.fill('Invite them to a house meeting on their street');
        // A level without a name is refused next to the field; nothing changes.
        const name = first.getByRole('textbox', { name: 'Name' });
        const before = await name.inputValue();
        await name.fill('');
        await page.getByRole('button', { name: 'Save the ladder' }).click();
        await page.getByRole('alert').waitFor();
        await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
        await name.fill(before);
        await page.getByRole('button', { name: 'Save the ladder' }).click();
        await page.getByText(/Ladder saved\. \d+ people recomputed/).waitFor();
        await checkPage(page, 'ladder saved');
        const saved = await server.database.db.$count(ladderLevels, and(eq(ladderLevels.nextStep, 'Invite them to a house meeting on their street'), isNull(ladderLevels.archivedAt)));
        expect(saved).toBe(1);
      });
    } finally {
      await b.close();
    }
  }, 180_000);

  it('a volunteer sees only their own unit’s conversations', async () => {
    const b = await launchBrowser({ width: 360, height: 740 });
    try {
      const page = await b.browser.newPage();
      await journey(page, 'conversations-volunteer', async () => {
        const [elsewhere] = await server.database.db.select({ id: conversations.id }).from(conversations)
          .innerJoin(units, eq(units.id, conversations.unitId))
          .where(and(like(units.code, 'rochester-strood%'), isNull(conversations.deletedAt))).limit(1);
        expect(elsewhere, 'the demo has conversations in another constituency').toBeDefined();
        await signIn(server, page, VOLUNTEER, { byKeyboard: true });

        await page.goto(`${server.url}/conversations?scope=unit`);
        await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
        const table = page.getByRole('table', { name: /Conversations/ });
        await table.waitFor();
        await checkPage(page, 'volunteer conversations');
        const unitCells = await table.locator('tbody tr td:last-child').allTextContents();
        expect(unitCells.length).toBeGreaterThan(0);
        expect(new Set(unitCells)).toEqual(new Set(['Doncaster Central Town Branch']));

        await page.goto(`${server.url}/conversations/${elsewhere!.id}`);
        await page.getByRole('alert').filter({ hasText: /not found/i }).waitFor();
        await checkPage(page, 'another unit’s conversation');
      });
    } finally {
      await b.close();
    }
  }, 180_000);
});
