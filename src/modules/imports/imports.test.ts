import { parse } from 'csv-parse/sync';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../server/app.ts';
import { auditEvents } from '../audit/schema.ts';
import { contactPoints, customFieldDefinitions, people, personTags, tags } from '../people/schema.ts';
import { buildPeopleWorld, geo, type PeopleWorld } from '../people/testing/peopleWorld.ts';
import { importFiles, importJobs, importRowKeys } from './schema.ts';
import { importClient } from './testing/importHelpers.ts';

describe.each(testDatabaseKinds)('CSV import over HTTP on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let api: ReturnType<typeof importClient>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    api = importClient(t, { token: w.tokens.organiser, unitId: w.b1.id });
    await t.ctx.db.insert(tags).values(['Housing', 'Tenant', 'Union member'].map((name) => ({ orgId: w.orgA.id, name, slug: name.toLowerCase().replace(/ /g, '-') })));
    await t.ctx.db.insert(tags).values({ orgId: w.orgB.id, name: 'Otherorg only', slug: 'otherorg-only' });
    await t.ctx.db.insert(customFieldDefinitions).values({ orgId: w.orgA.id, key: 'union', label: 'Trade union', type: 'single_choice', choices: ['Unite', 'GMB'] });
  });
  afterAll(() => t.close());

  const db = () => t.ctx.db;
  const livePeople = async (unitId?: string) =>
    db().select().from(people).where(and(isNull(people.deletedAt), unitId ? eq(people.unitId, unitId) : eq(people.orgId, w.orgA.id)));
  const personByEmail = async (email: string) => {
    const [row] = await db().select({ p: people }).from(contactPoints).innerJoin(people, eq(people.id, contactPoints.personId))
      .where(and(eq(contactPoints.normalised, email), eq(people.orgId, w.orgA.id), isNull(people.deletedAt)));
    return row?.p;
  };

  it('reads a NationBuilder export with BOM, CRLF and quoted fields, guesses the mapping and previews it', async () => {
    const csv = '\uFEFFnationbuilder_id,first_name,last_name,email,email1,mobile_number,primary_address1,primary_city,primary_zip,tag_list\r\n'
      + '1,Ann,"Jones, Jr",ann.nb@example.org,ann.work@example.org,07700 900001,"1 High St\r\nFlat 2",Doncaster,dn3 3aa,"Housing, Tenant"\r\n'
      + '2,Bob,"O""Neil",bob.nb@example.org,,,,,,\r\n';
    const res = await api.upload(csv);
    expect(res.statusCode, res.body).toBe(201);
    const up = res.json();
    expect(up).toMatchObject({ status: 'uploaded', totalRows: 2, committedRows: 0, fileName: 'people.csv', unitId: w.b1.id });
    expect(up.columns[0]).toBe('nationbuilder_id');
    expect(up.mapping).toEqual({
      nationbuilder_id: 'ignore', first_name: 'firstName', last_name: 'lastName', email: 'email', email1: 'email', mobile_number: 'mobile',
      primary_address1: 'addressLine1', primary_city: 'town', primary_zip: 'postcode', tag_list: 'tags',
    });
    expect(up.preview[0]).toEqual(['1', 'Ann', 'Jones, Jr', 'ann.nb@example.org', 'ann.work@example.org', '07700 900001', '1 High St\r\nFlat 2', 'Doncaster', 'dn3 3aa', 'Housing, Tenant']);
    expect(up.preview[1][2]).toBe('O"Neil');
    expect(up.fields).toContain('custom:union');

    const before = (await livePeople()).length;
    const pre = await api.preview(up.id, up.mapping);
    expect(pre.statusCode, pre.body).toBe(200);
    expect(pre.json()).toMatchObject({ totalRows: 2, counts: { create: 2, update: 0, unchanged: 0, error: 0 } });
    expect(pre.json().rows.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
    expect((await livePeople()).length).toBe(before);

    const started = await api.start(up.id, up.mapping);
    expect(started.statusCode, started.body).toBe(202);
    const done = await api.settle(up.id);
    expect(done).toMatchObject({ status: 'completed', totalRows: 2, committedRows: 2, created: 2, updated: 0, unchanged: 0, errorCount: 0 });
    const ann = (await personByEmail('ann.nb@example.org'))!;
    expect(ann).toMatchObject({ firstName: 'Ann', lastName: 'Jones, Jr', addressLine1: '1 High St\r\nFlat 2', town: 'Doncaster', postcode: 'DN3 3AA', wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral, unitId: w.b1.id });
    const contacts = await db().select().from(contactPoints).where(eq(contactPoints.personId, ann.id));
    expect(contacts.map((c) => `${c.kind}:${c.normalised}:${c.label}:${c.isPrimary}`).sort()).toEqual([
      'email:ann.nb@example.org:other:true', 'email:ann.work@example.org:other:false', 'phone:+447700900001:mobile:true',
    ]);
    const annTags = await db().select({ slug: tags.slug }).from(personTags).innerJoin(tags, eq(tags.id, personTags.tagId)).where(eq(personTags.personId, ann.id));
    expect(annTags.map((x) => x.slug).sort()).toEqual(['housing', 'tenant']);
    expect(ann.searchText).toContain('07700900001');
    expect((await personByEmail('bob.nb@example.org'))!.lastName).toBe('O"Neil');
    // The stored copy of the file goes once the import is done.
    expect(await db().select().from(importFiles).where(eq(importFiles.jobId, up.id))).toHaveLength(0);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'people.import'), eq(auditEvents.entityId, up.id)));
    expect(audit!.changes).toMatchObject({ created: 2, errors: 0 });
  });

  it('guesses Action Network and spreadsheet headers', async () => {
    const an = await api.upload('uuid,first_name,last_name,email,zip_code,can2_phone,can2_user_address,can2_user_city,can2_subscription_status\n1,A,B,a@example.org,DN3 3AA,07700900002,1 Road,Town,subscribed\n');
    expect(an.json().mapping).toEqual({
      uuid: 'ignore', first_name: 'firstName', last_name: 'lastName', email: 'email', zip_code: 'postcode', can2_phone: 'phone',
      can2_user_address: 'addressLine1', can2_user_city: 'town', can2_subscription_status: 'ignore',
    });
    const sheet = await api.upload('First name,Surname,E-mail,Mobile,Post code,Tags,Trade union,Notes\nA,B,a@example.org,07700900003,DN3 3AA,Housing,Unite,x\n');
    expect(sheet.json().mapping).toEqual({
      'First name': 'firstName', Surname: 'lastName', 'E-mail': 'email', Mobile: 'mobile', 'Post code': 'postcode', Tags: 'tags', 'Trade union': 'custom:union', Notes: 'ignore',
    });
  });

  it('reports unknown tags and units, bad values and ragged rows per row, imports the rest, and writes the error report', async () => {
    const csv = [
      'First name,Surname,Email,Tags,Unit,Trade union,Joined',
      `Good,Row,good.row@example.org,Housing;Tenant,,Unite,01/02/2020`,
      `Bad,Tag,bad.tag@example.org,Housing;Nonexistent,,,`,
      `Other,Org,other.tag@example.org,Otherorg only,,,`,
      `Bad,Unit,bad.unit@example.org,,no-such-unit,,`,
      `Sibling,Unit,sibling.unit@example.org,,${w.sibling.code},,`,
      `Own,Unit,own.unit@example.org,,${w.b2.code},,`,
      `Bad,Email,not-an-email,,,,`,
      `Bad,Union,bad.union@example.org,,,Other,`,
      `Bad,Date,bad.date@example.org,,,,31/02/2020`,
      `Too,Many,too.many@example.org,,,,,extra`,
      `Too,Few`,
      `,,,,,,`,
      `"=1+2",Formula,bad-email-too,,,,`,
    ].join('\n');
    const done = await api.importCsv(csv);
    expect(done).toMatchObject({ status: 'completed', totalRows: 12, created: 2, errorCount: 10 });
    expect((await personByEmail('good.row@example.org'))!).toMatchObject({ joinedOn: '2020-02-01', customFields: { union: 'Unite' } });
    expect((await personByEmail('own.unit@example.org'))!.unitId).toBe(w.b2.id);
    expect(await personByEmail('bad.tag@example.org')).toBeUndefined();
    expect(await personByEmail('sibling.unit@example.org')).toBeUndefined();

    const report = await t.request({ method: 'GET', url: `/api/imports/${done.id}/errors.csv`, token: w.tokens.organiser });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = parse(report.body, { bom: true, relax_column_count: true }) as string[][];
    expect(lines[0]).toEqual(['row', 'field', 'column', 'message', 'First name', 'Surname', 'Email', 'Tags', 'Unit', 'Trade union', 'Joined']);
    const byRow = new Map<number, string[][]>();
    for (const l of lines.slice(1)) byRow.set(Number(l[0]), [...(byRow.get(Number(l[0])) ?? []), l]);
    expect(byRow.get(3)![0]!.slice(1, 4)).toEqual(['tags', 'Tags', 'No tag is called "Nonexistent"; create it first or remove it from the row.']);
    expect(byRow.get(3)![0]!.slice(4)).toEqual(['Bad', 'Tag', 'bad.tag@example.org', 'Housing;Nonexistent', '', '', '']);
    expect(byRow.get(4)![0]![3]).toContain('Otherorg only');
    expect(byRow.get(5)![0]!.slice(1, 4)).toEqual(['unit', 'Unit', 'No unit has the code "no-such-unit".']);
    expect(byRow.get(6)![0]![3]).toContain('may not import');
    expect(byRow.get(8)![0]!.slice(1, 3)).toEqual(['email', 'Email']);
    expect(byRow.get(9)![0]!.slice(1, 3)).toEqual(['custom:union', 'Trade union']);
    expect(byRow.get(10)![0]!.slice(1, 3)).toEqual(['joinedOn', 'Joined']);
    expect(byRow.get(11)![0]![3]).toBe('This row has 8 cells but the header has 7 columns.');
    expect(byRow.get(12)![0]![3]).toBe('This row has 2 cells but the header has 7 columns.');
    expect(byRow.has(13)).toBe(false);
    // In the report nothing can run as a formula; parsed back, the cell reads "'=1+2".
    expect(byRow.get(14)![0]![4]).toBe("'=1+2");
    expect(report.body).not.toMatch(/(^|,)=/m);
  });

  it('updates existing people matched by email, then phone, fills only empty fields and never deletes', async () => {
    const byEmail = await buildPerson(db(), w.b1, { firstName: 'Eve', lastName: 'Existing', email: 'eve@example.org', phone: null, postcode: null, town: 'Keepthis' });
    const byPhone = await buildPerson(db(), w.b2, { firstName: 'Phil', lastName: 'Phone', email: null, phone: '+447700900555' });
    const otherOrg = await buildPerson(db(), w.otherBranch, { firstName: 'Eve', lastName: 'Elsewhere', email: 'eve@example.org', phone: null });
    const count = (await livePeople()).length;
    const csv = 'First name,Surname,Email,Phone,Town,Post code,Tags\n'
      + 'Evelyn,Changed,EVE@example.org,07700 900444,Overwrite,DN3 3AA,Housing\n'
      + 'Phil,Phone,phil.new@example.org,07700900555,,,Tenant\n';
    const done = await api.importCsv(csv);
    expect(done).toMatchObject({ created: 0, updated: 2, errorCount: 0 });
    expect((await livePeople()).length).toBe(count);
    const [eve] = await db().select().from(people).where(eq(people.id, byEmail.id));
    expect(eve).toMatchObject({ firstName: 'Eve', lastName: 'Existing', town: 'Keepthis', postcode: 'DN3 3AA', wardCode: geo.armthorpe });
    const eveContacts = await db().select().from(contactPoints).where(eq(contactPoints.personId, byEmail.id));
    expect(eveContacts.map((c) => c.normalised).sort()).toEqual(['+447700900444', 'eve@example.org']);
    const phil = await db().select().from(contactPoints).where(eq(contactPoints.personId, byPhone.id));
    expect(phil.map((c) => c.normalised).sort()).toEqual(['+447700900555', 'phil.new@example.org']);
    expect(phil.find((c) => c.normalised === 'phil.new@example.org')!.isPrimary).toBe(true);
    // The person with the same email in another organisation is not touched.
    const [elsewhere] = await db().select().from(people).where(eq(people.id, otherOrg.id));
    expect(elsewhere!.updatedAt.getTime()).toBe(otherOrg.updatedAt.getTime());
    expect(await db().select().from(contactPoints).where(eq(contactPoints.personId, otherOrg.id))).toHaveLength(1);
  });

  it('merges rows repeated within the file, and a re-run of the same file changes nothing', async () => {
    const csv = 'First name,Surname,Email,Mobile,Tags\n'
      + 'Dup,Twice,dup.twice@example.org,,Housing\n'
      + 'Dup,Twice,,07700900777,\n'
      + 'Dup,Twice,DUP.TWICE@example.org,07700900777,Tenant\n'
      + 'Name,Only,,,\n'
      + 'Name,Only,,,\n';
    const first = await api.importCsv(csv);
    expect(first).toMatchObject({ created: 3, updated: 1, unchanged: 1, errorCount: 0 });
    const dup = (await personByEmail('dup.twice@example.org'))!;
    const dupContacts = await db().select().from(contactPoints).where(eq(contactPoints.personId, dup.id));
    expect(dupContacts.map((c) => c.normalised).sort()).toEqual(['+447700900777', 'dup.twice@example.org']);
    expect(await db().select().from(personTags).where(eq(personTags.personId, dup.id))).toHaveLength(2);
    // Row 3 has only a mobile: it becomes a second person, whom row 4 (email and that mobile) matches by email first.
    const nameOnly = await db().select().from(people).where(and(eq(people.firstName, 'Name'), eq(people.lastName, 'Only')));
    expect(nameOnly).toHaveLength(1);

    const snapshot = async () => {
      const [row] = await t.ctx.database.query<{ n: number; c: number; g: number; k: number }>(
        `select (select count(*)::int from people where org_id = $1) as n, (select count(*)::int from contact_points where org_id = $1) as c,
                (select count(*)::int from person_tags where org_id = $1) as g, (select count(*)::int from import_row_keys where org_id = $1) as k`,
        [w.orgA.id],
      );
      return row;
    };
    const before = await snapshot();
    const again = await api.importCsv(csv);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, errorCount: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('matches by phone only someone of the same name: a shared landline keeps a household apart', async () => {
    const hana = await buildPerson(db(), w.b1, { firstName: 'Hana', lastName: 'Hollis', email: null, phone: '+441302123456' });
    const csv = 'First name,Surname,Email,Phone\n'
      + 'Hari,Hollis,,01302 123456\n'
      + 'HANA,hollis,hana.hollis@example.org,01302123456\n'
      + 'Hari,Hollis,hari.hollis@example.org,(01302) 123456\n';
    const pre = await api.preview((await api.upload(csv)).json().id, { 'First name': 'firstName', Surname: 'lastName', Email: 'email', Phone: 'phone' });
    expect(pre.json()).toMatchObject({ counts: { create: 1, update: 2, unchanged: 0, error: 0 } });
    const done = await api.importCsv(csv);
    expect(done).toMatchObject({ created: 1, updated: 2, unchanged: 0, errorCount: 0 });
    const sharing = await t.ctx.database.query<{ first_name: string; emails: string[] }>(
      `select p.first_name, array(select e.normalised from contact_points e where e.person_id = p.id and e.kind = 'email' order by 1) as emails
       from people p join contact_points c on c.person_id = p.id and c.kind = 'phone' and c.normalised = '+441302123456'
       where p.org_id = $1 and p.deleted_at is null order by p.first_name`,
      [w.orgA.id],
    );
    expect(sharing).toEqual([{ first_name: 'Hana', emails: ['hana.hollis@example.org'] }, { first_name: 'Hari', emails: ['hari.hollis@example.org'] }]);
    const [stored] = await db().select().from(people).where(eq(people.id, hana.id));
    expect(stored!.firstName).toBe('Hana');
  });

  it('a dry run (preview) writes nothing and counts what would happen', async () => {
    await buildPerson(db(), w.b1, { firstName: 'Pre', lastName: 'Existing', email: 'pre.existing@example.org' });
    const up = (await api.upload('First name,Surname,Email,Tags\nPre,Existing,pre.existing@example.org,Housing\nNew,Person,new.person@example.org,\nNew,Person,new.person@example.org,\nBad,Row,bad,\n')).json();
    const count = async () => (await t.ctx.database.query<{ n: number }>('select (select count(*) from people) + (select count(*) from contact_points) + (select count(*) from person_tags) + (select count(*) from import_row_keys) + (select count(*) from import_errors) as n'))[0]!.n;
    const before = await count();
    const res = await api.preview(up.id, up.mapping, 2);
    expect(res.json()).toMatchObject({ totalRows: 4, counts: { create: 1, update: 1, unchanged: 1, error: 1 } });
    expect(res.json().rows).toEqual([{ row: 2, outcome: 'updated', errors: [] }, { row: 3, outcome: 'created', errors: [] }]);
    expect(res.json().errors).toEqual([{ row: 5, errors: [{ field: 'email', column: 'Email', message: 'Not a valid email address: "bad"' }] }]);
    expect(await count()).toBe(before);
    expect((await api.job(up.id)).status).toBe('uploaded');
  });

  it('refuses files that are not UTF-8 text with a clear 422', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('First name,Email\nAnn,a@example.org\n', 'utf16le')]);
    const a = await api.upload(utf16);
    expect(a.statusCode).toBe(422);
    expect(a.json().error.message).toContain('UTF-16');
    const noBom = await api.upload(Buffer.from('First name,Email\nAnn,a@example.org\n', 'utf16le'));
    expect(noBom.statusCode).toBe(422);
    const latin1 = await api.upload(Buffer.from('First name,Surname\nZoë,Brontë\n', 'latin1'));
    expect(latin1.statusCode).toBe(422);
    expect(latin1.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('not UTF-8') });
    expect((await api.upload('')).json().error.message).toBe('The file is empty.');
    const wrongType = await t.request({ method: 'POST', url: `/api/imports?unit=${w.b1.id}`, token: w.tokens.organiser, payload: { a: 1 } });
    expect(wrongType.statusCode).toBe(415);
  });

  it('imports 200 columns, refuses 501, and turns a 10 MB cell into a row error', async () => {
    const wide = ['First name', 'Email', ...Array.from({ length: 198 }, (_, i) => `Extra ${i}`)];
    const row = ['Wide', 'wide@example.org', ...Array.from({ length: 198 }, (_, i) => `v${i}`)];
    const done = await api.importCsv(`${wide.join(',')}\n${row.join(',')}\n`);
    expect(done).toMatchObject({ status: 'completed', created: 1, errorCount: 0 });
    expect(done.columns).toHaveLength(200);

    const tooWide = await api.upload(`${Array.from({ length: 501 }, (_, i) => `c${i}`).join(',')}\n`);
    expect(tooWide.statusCode).toBe(422);
    expect(tooWide.json().error.message).toContain('501 columns');

    const huge = await api.importCsv(`First name,Email\n"${'x'.repeat(10 * 1024 * 1024)}",huge@example.org\nAfter,after.huge@example.org\n`);
    expect(huge).toMatchObject({ status: 'completed', created: 1, errorCount: 1 });
    expect(await personByEmail('after.huge@example.org')).toBeDefined();
  });

  it('checks permissions: unit scope on upload, job visibility, and the mapping', async () => {
    expect((await api.upload('First name\nA\n', { token: w.tokens.volunteer })).statusCode).toBe(403);
    expect((await api.upload('First name\nA\n', { unitId: w.sibling.id })).statusCode).toBe(403);
    const up = (await api.upload('First name,Email\nA,scope@example.org\n')).json();
    for (const token of [w.otherOrgAdmin, w.tokens.volunteer]) {
      expect((await api.start(up.id, up.mapping, token)).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: `/api/imports/${up.id}`, token })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: `/api/imports/${up.id}/errors.csv`, token })).statusCode).toBe(404);
    }
    const list = await t.request({ method: 'GET', url: '/api/imports?limit=200', token: w.otherOrgAdmin });
    expect(list.json().items).toEqual([]);
    const bad = await api.start(up.id, { 'First name': 'firstName', Email: 'firstName', Missing: 'email' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['mapping.Email', 'mapping.Missing']);
    expect((await api.start(up.id, { 'First name': 'custom:nope' })).statusCode).toBe(422);
    expect((await api.start(up.id, { 'First name': 'ignore' })).statusCode).toBe(422);
    expect((await api.start(up.id, { 'First name': 'firstName', extra: 'x' } as Record<string, string>)).statusCode).toBe(422);
    // Started once; a second start is refused while it runs or after it ends.
    expect((await api.start(up.id, up.mapping)).statusCode).toBe(202);
    expect((await api.start(up.id, up.mapping)).statusCode).toBe(409);
    await api.settle(up.id);
    for (const name of ['Another', 'Third']) expect((await api.upload(`First name\n${name}\n`)).statusCode).toBe(201);
    const mine = await t.request({ method: 'GET', url: '/api/imports?limit=2', token: w.tokens.organiser });
    expect(mine.json().items).toHaveLength(2);
    const next = await t.request({ method: 'GET', url: `/api/imports?limit=2&cursor=${mine.json().nextCursor}`, token: w.tokens.organiser });
    expect(next.json().items.length).toBeGreaterThan(0);
    const seen = new Set(mine.json().items.map((j: { id: string }) => j.id));
    expect(next.json().items.some((j: { id: string }) => seen.has(j.id))).toBe(false);
    expect((await t.request({ method: 'GET', url: '/api/imports?cursor=WyJ4IiwieSJd', token: w.tokens.organiser })).statusCode).toBe(400);
    const removed = await t.request({ method: 'DELETE', url: `/api/imports/${up.id}`, token: w.tokens.organiser });
    expect(removed.statusCode).toBe(204);
    expect((await api.job(up.id)).error.code).toBe('not_found');
    // Row keys outlive the job: the person stays known.
    const keys = await db().select().from(importRowKeys).where(eq(importRowKeys.orgId, w.orgA.id));
    expect(keys.length).toBeGreaterThan(0);
  });

  it('a server that starts finds an import interrupted by a restart and finishes it', async () => {
    const up = (await api.upload('First name,Email\nRestart,restart.one@example.org\nRestart,restart.two@example.org\n')).json();
    // As if the server died just after starting it: running, file stored, heartbeat long gone.
    await db().update(importJobs).set({ status: 'running', heartbeatAt: new Date(Date.now() - 10 * 60_000), startedAt: new Date() }).where(eq(importJobs.id, up.id));
    const second = await buildApp({ config: t.ctx.config, database: t.database, secret: t.ctx.secret, serveWeb: false, logger: false });
    await second.ready();
    try {
      const done = await api.settle(up.id);
      expect(done).toMatchObject({ status: 'completed', created: 2 });
      expect(await personByEmail('restart.two@example.org')).toBeDefined();
    } finally {
      await second.close();
    }
  });

  it('never lets canary people of other units and organisations be touched by dedupe across organisations', async () => {
    const [canaryOther] = w.canaries.slice(1);
    const before = await db().select().from(people).where(eq(people.id, canaryOther!.id));
    await api.importCsv(`First name,Surname,Email,Phone\nNot,Canary,${canaryOther!.email},${canaryOther!.phone}\n`);
    const after = await db().select().from(people).where(eq(people.id, canaryOther!.id));
    expect(after).toEqual(before);
    const [made] = await t.ctx.database.query<{ n: number }>('select count(*)::int as n from contact_points where normalised = $1 and org_id = $2', [canaryOther!.email, w.orgA.id]);
    expect(made!.n).toBe(1);
  });
});
