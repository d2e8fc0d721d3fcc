import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { daysAgo, logConversation } from '../ladder/testing/ladderFixtures.ts';
import { campaignPhaseChanges, campaigns, powerMapActors, powerMapLinks, wins } from './schema.ts';
import { actorBody, buildCampaignWorld, campaignBody, geo, type CampaignWorld } from './testing/campaignWorld.ts';

describe.each(testDatabaseKinds)('campaigns on %s', (kind) => {
  let t: TestApp;
  let w: CampaignWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildCampaignWorld(t);
  });
  afterAll(() => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, token: string, payload?: Record<string, unknown>) =>
    t.request({ method, url, token, ...(payload ? { payload } : {}) });
  const start = async (overrides: Record<string, unknown> = {}, token = w.b1Organiser.token) => {
    const res = await req('POST', '/api/campaigns', token, campaignBody(w.b1.id, { issueId: w.issues.damp, ...overrides }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const detailPaths = (res: { json(): { error: { details?: { path: string }[] } } }) => (res.json().error.details ?? []).map((d) => d.path).join(' ');

  it('starts a campaign in a unit with its issue, areas and the first entry of its history, audited', async () => {
    const c = await start();
    expect(c).toMatchObject({
      unitId: w.b1.id, unitName: 'Town Branch', title: 'Fix the damp at Chapel Court', phase: 'build_relationships', deadline: '2027-03-31',
      issue: { id: w.issues.damp, label: 'Damp and mould' }, areas: [{ code: geo.armthorpe, name: 'Armthorpe', kind: 'ward' }], canManage: true, wins: 0, team: [],
    });
    expect(c.history).toEqual([expect.objectContaining({ fromPhase: null, toPhase: 'build_relationships', direction: 'start', reason: null })]);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'campaign.create'), eq(auditEvents.entityId, c.id)));
    expect(audit).toMatchObject({ actorAccountId: w.b1Organiser.id, unitId: w.b1.id });
    // Listed for the branch and the party above it, with filters.
    for (const token of [w.b1Organiser.token, w.b1Volunteer.token, w.accounts.organiser.token, w.accounts.dpo.token]) {
      expect((await req('GET', `/api/campaigns?unit=${w.b1.id}&limit=200`, token)).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    }
    expect((await req('GET', `/api/campaigns?phase=organise_act&limit=200`, w.b1Organiser.token)).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await req('GET', `/api/campaigns?q=chapel`, w.b1Organiser.token)).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('is in the OpenAPI document, with the public wins page the only route open without signing in', async () => {
    const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    for (const p of ['/api/campaigns', '/api/campaigns/{id}', '/api/campaigns/{id}/phase', '/api/campaigns/{id}/evidence', '/api/campaigns/{id}/power-map', '/api/campaigns/{id}/actors', '/api/campaigns/{id}/wins', '/api/campaigns/wins', '/api/campaigns/wins-pages/{unitId}', '/api/public/wins/{unitId}']) {
      expect(paths[p], p).toBeDefined();
    }
    const open = t.app.routeTable.filter((r) => r.public && (r.url.includes('campaign') || r.url.includes('wins'))).map((r) => `${r.method} ${r.url}`);
    expect(open).toEqual(['GET /api/public/wins/:unitId']);
  });

  it('refuses bad campaigns with clear 4xx answers, writing nothing', async () => {
    const before = await t.ctx.db.$count(campaigns);
    const cases: [Record<string, unknown>, string][] = [
      [campaignBody(w.sibling.id), 'unitId'],
      [campaignBody(w.otherBranch.id), 'unitId'],
      [campaignBody(w.b1.id, { issueId: w.issues.orgBDamp }), 'issueId'],
      [campaignBody(w.b1.id, { issueId: crypto.randomUUID() }), 'issueId'],
      [campaignBody(w.b1.id, { areaCodes: ['E05999998'] }), 'areaCodes'],
      [campaignBody(w.b1.id, { deadline: '2027-02-30' }), 'body.deadline'],
      [campaignBody(w.b1.id, { title: '' }), 'body.title'],
      [campaignBody(w.b1.id, { phase: 'winning' }), 'body.phase'],
      [campaignBody(w.b1.id, { surprise: true }), 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await req('POST', '/api/campaigns', w.b1Organiser.token, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(422);
      expect(detailPaths(res), res.body).toContain(path);
    }
    for (const token of [w.b1Volunteer.token, w.b1Member.token, w.accounts.dpo.token]) {
      expect((await req('POST', '/api/campaigns', token, campaignBody(w.b1.id))).statusCode).toBe(403);
    }
    expect((await req('GET', '/api/campaigns', w.b1Member.token)).statusCode).toBe(403);
    expect(await t.ctx.db.$count(campaigns)).toBe(before);
  });

  it('moves through the organising cycle, keeping every change; backwards needs a reason', async () => {
    const c = await start();
    const move = (payload: Record<string, unknown>, token = w.b1Organiser.token) => req('POST', `/api/campaigns/${c.id}/phase`, token, payload);
    expect((await move({ phase: 'identify_issues' })).statusCode).toBe(200);
    // Skipping ahead is allowed.
    const skipped = await move({ phase: 'organise_act' });
    expect(skipped.json().phase).toBe('organise_act');
    const back = await move({ phase: 'choose_issue' });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.details).toEqual([{ path: 'reason', message: 'Say why the campaign is going back.' }]);
    expect((await move({ phase: 'choose_issue', reason: '   ' })).statusCode).toBe(422);
    expect((await move({ phase: 'organise_act' })).statusCode).toBe(422);
    expect((await move({ phase: 'winning' })).statusCode).toBe(422);
    expect((await move({ phase: 'close_evaluate' }, w.b1Volunteer.token)).statusCode).toBe(403);
    const ok = await move({ phase: 'choose_issue', reason: 'The landlord sold the block; we need a new target.' });
    expect(ok.statusCode, ok.body).toBe(200);
    const history = ok.json().history;
    expect(history.map((h: { fromPhase: string | null; toPhase: string; direction: string }) => [h.fromPhase, h.toPhase, h.direction])).toEqual([
      [null, 'build_relationships', 'start'], ['build_relationships', 'identify_issues', 'forward'], ['identify_issues', 'organise_act', 'forward'], ['organise_act', 'choose_issue', 'backward'],
    ]);
    expect(history[3].reason).toBe('The landlord sold the block; we need a new target.');
    const times = history.map((h: { changedAt: string }) => Date.parse(h.changedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(ok.json().phaseChangedAt).toBe(history[3].changedAt);
    expect(await t.ctx.db.$count(campaignPhaseChanges, eq(campaignPhaseChanges.campaignId, c.id))).toBe(4);
  });

  it('edits details and keeps a team of people of its unit with roles', async () => {
    const c = await start();
    const edited = await req('PATCH', `/api/campaigns/${c.id}`, w.b1Organiser.token, { demand: 'Repairs within 8 weeks', areaCodes: [geo.armthorpe, geo.bessacarr], deadline: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ demand: 'Repairs within 8 weeks', deadline: null });
    expect(edited.json().areas.map((a: { code: string }) => a.code).sort()).toEqual([geo.armthorpe, geo.bessacarr].sort());
    expect((await req('PATCH', `/api/campaigns/${c.id}`, w.b1Organiser.token, { phase: 'organise_act' })).statusCode).toBe(422);
    expect((await req('PATCH', `/api/campaigns/${c.id}`, w.b1Volunteer.token, { demand: 'x' })).statusCode).toBe(403);

    const put = (personId: string, payload: Record<string, unknown>) => req('PUT', `/api/campaigns/${c.id}/team/${personId}`, w.b1Organiser.token, payload);
    expect((await put(w.tenant.id, { role: 'Lead tenant', isLeader: true })).statusCode).toBe(201);
    expect((await put(w.neighbour.id, { role: 'Block captain' })).statusCode).toBe(201);
    const again = await put(w.neighbour.id, { role: 'Media' });
    expect(again.statusCode).toBe(200);
    expect(again.json().team).toEqual([
      { personId: w.tenant.id, name: 'Ffion Tenantleader', role: 'Lead tenant', isLeader: true },
      { personId: w.neighbour.id, name: 'Gethin Neighbourly', role: 'Media', isLeader: false },
    ]);
    // People of another branch, unit or organisation cannot join a B1 campaign.
    for (const p of [w.people.p3.id, w.people.siblingPerson.id, w.people.otherPerson.id, crypto.randomUUID()]) {
      const res = await put(p, { role: 'x' });
      expect(res.statusCode, res.body).toBe(422);
    }
    expect((await req('DELETE', `/api/campaigns/${c.id}/team/${w.neighbour.id}`, w.b1Organiser.token)).json().team).toHaveLength(1);
    expect((await req('DELETE', `/api/campaigns/${c.id}/team/${w.neighbour.id}`, w.b1Organiser.token)).statusCode).toBe(404);
  });

  it('builds a power map: actors in range, links, our contacts and targets', async () => {
    const c = await start();
    const url = `/api/campaigns/${c.id}`;
    const landlord = await req('POST', `${url}/actors`, w.b1Organiser.token, actorBody());
    expect(landlord.statusCode, landlord.body).toBe(201);
    const landlordId = landlord.json().actors[0].id;
    const councillor = await req('POST', `${url}/actors`, w.b1Organiser.token, actorBody({ kind: 'person', name: 'Cllr Mair Hughes', position: 'Cabinet member for housing', influence: 4, stance: 1, target: 'secondary' }));
    const councillorId = councillor.json().actors.find((a: { name: string }) => a.name === 'Cllr Mair Hughes').id;
    const ours = await req('POST', `${url}/actors`, w.b1Organiser.token, { kind: 'person', personId: w.tenant.id, influence: 2, stance: 2 });
    expect(ours.statusCode, ours.body).toBe(201);
    expect(ours.json().actors.find((a: { personId: string | null }) => a.personId === w.tenant.id)).toMatchObject({ name: 'Ffion Tenantleader', kind: 'person', institutionId: null });

    const before = await t.ctx.db.$count(powerMapActors);
    const bad: [Record<string, unknown>, string][] = [
      [actorBody({ influence: 6 }), 'body.influence'], [actorBody({ influence: 0 }), 'body.influence'], [actorBody({ influence: 2.5 }), 'body.influence'],
      [actorBody({ stance: -3 }), 'body.stance'], [actorBody({ stance: 3 }), 'body.stance'], [actorBody({ stance: '1' }), 'body.stance'],
      [actorBody({ name: '' }), 'name'], [actorBody({ target: 'tertiary' }), 'body.target'],
      [actorBody({ kind: 'person', personId: w.people.siblingPerson.id }), 'personId'], [actorBody({ kind: 'institution', personId: w.tenant.id }), 'personId'],
    ];
    for (const [body, path] of bad) {
      const res = await req('POST', `${url}/actors`, w.b1Organiser.token, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(422);
      expect(detailPaths(res)).toContain(path);
    }
    expect((await req('PATCH', `${url}/actors/${landlordId}`, w.b1Organiser.token, { stance: -5 })).statusCode).toBe(422);
    expect((await req('POST', `${url}/actors`, w.b1Volunteer.token, actorBody())).statusCode).toBe(403);
    expect(await t.ctx.db.$count(powerMapActors)).toBe(before);

    // Links between actors of this map only.
    const link = await req('POST', `${url}/actor-links`, w.b1Organiser.token, { fromActorId: councillorId, toActorId: landlordId, description: 'licenses landlords' });
    expect(link.statusCode, link.body).toBe(201);
    expect(link.json().links).toEqual([expect.objectContaining({ fromActorId: councillorId, toActorId: landlordId, description: 'licenses landlords' })]);
    expect((await req('POST', `${url}/actor-links`, w.b1Organiser.token, { fromActorId: councillorId, toActorId: landlordId })).statusCode).toBe(409);
    expect((await req('POST', `${url}/actor-links`, w.b1Organiser.token, { fromActorId: landlordId, toActorId: landlordId })).statusCode).toBe(422);
    const other = await start({ title: 'Another campaign' });
    const otherActor = (await req('POST', `/api/campaigns/${other.id}/actors`, w.b1Organiser.token, actorBody())).json().actors[0].id;
    expect((await req('POST', `${url}/actor-links`, w.b1Organiser.token, { fromActorId: landlordId, toActorId: otherActor })).statusCode).toBe(422);
    expect((await req('PATCH', `${url}/actors/${otherActor}`, w.b1Organiser.token, { stance: 0 })).statusCode).toBe(404);

    // Our people who know an actor.
    const contact = await req('POST', `${url}/actors/${councillorId}/contacts`, w.b1Organiser.token, { personId: w.neighbour.id, relationship: 'Went to school together' });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json().actors.find((a: { id: string }) => a.id === councillorId).contacts).toEqual([{ personId: w.neighbour.id, name: 'Gethin Neighbourly', relationship: 'Went to school together' }]);
    expect((await req('POST', `${url}/actors/${councillorId}/contacts`, w.b1Organiser.token, { personId: w.people.otherPerson.id })).statusCode).toBe(422);

    // Move an actor on the grid and mark targets; the map reads most influential first.
    const moved = await req('PATCH', `${url}/actors/${councillorId}`, w.b1Organiser.token, { stance: 2, influence: 5, target: 'primary' });
    expect(moved.statusCode, moved.body).toBe(200);
    const map = (await req('GET', `${url}/power-map`, w.b1Volunteer.token)).json();
    expect(map.canManage).toBe(false);
    expect(map.actors.map((a: { influence: number; stance: number; target: string | null }) => [a.influence, a.stance, a.target])).toEqual([[5, -2, 'primary'], [5, 2, 'primary'], [2, 2, null]]);
    const removed = await req('DELETE', `${url}/actors/${landlordId}`, w.b1Organiser.token);
    expect(removed.json().actors).toHaveLength(2);
    expect(removed.json().links).toEqual([]);
    expect(await t.ctx.db.$count(powerMapLinks, eq(powerMapLinks.campaignId, c.id))).toBe(0);
  });

  it('shows the listening evidence for its issue, from the salience sources, withholding small counts from above', async () => {
    const c = await start({ areaCodes: [geo.armthorpe] });
    const raisers = [];
    for (let i = 0; i < 3; i++) raisers.push(await buildPerson(t.ctx.db, w.b1, { firstName: `Raiser${i}`, wardCode: geo.armthorpe }));
    const elsewhere = await buildPerson(t.ctx.db, w.b1, { firstName: 'Faraway', wardCode: geo.bessacarr });
    for (const p of raisers) await logConversation(t, w.b1Organiser.token, { people: [p.id], issues: [{ issueId: w.issues.damp }] });
    await logConversation(t, w.b1Organiser.token, { people: [raisers[0]!.id], issues: [{ issueId: w.issues.damp }], occurredAt: daysAgo(5) });
    await logConversation(t, w.b1Organiser.token, { people: [elsewhere.id], issues: [{ issueId: w.issues.damp }] });
    await logConversation(t, w.b1Organiser.token, { people: [raisers[1]!.id], issues: [{ issueId: w.issues.buses }] });

    const evidence = async (token: string) => {
      const res = await req('GET', `/api/campaigns/${c.id}/evidence`, token);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // The branch's own organiser sees its small counts: three people in Armthorpe, four times raised.
    const inside = await evidence(w.b1Organiser.token);
    expect(inside).toMatchObject({ available: true, areas: [geo.armthorpe], threshold: 5, total: { people: 3, records: 4, suppressed: false } });
    expect(inside.bySource).toContainEqual({ source: 'conversations', people: 3, records: 4, suppressed: false });
    // From the party above, the same count is under five and withheld.
    const above = await evidence(w.accounts.organiser.token);
    expect(above.total).toEqual({ people: null, records: null, suppressed: true });
    expect(JSON.stringify(above)).not.toMatch(/Raiser|Faraway/);
    // Without the areas, the whole branch counts (four people), still withheld from above.
    await req('PATCH', `/api/campaigns/${c.id}`, w.b1Organiser.token, { areaCodes: [] });
    expect((await evidence(w.b1Organiser.token)).total).toMatchObject({ people: 4, records: 5 });
    // Two more make six: shown from above too.
    for (let i = 0; i < 2; i++) {
      const p = await buildPerson(t.ctx.db, w.b1, { firstName: `More${i}`, wardCode: geo.armthorpe });
      await logConversation(t, w.b1Organiser.token, { people: [p.id], issues: [{ issueId: w.issues.damp }] });
    }
    expect((await evidence(w.accounts.organiser.token)).total).toEqual({ people: 6, records: 7, suppressed: false });
    // Those who may not read issue counts get none; a campaign without an issue has none.
    expect(await evidence(w.b1Volunteer.token)).toMatchObject({ available: false, total: { people: null }, bySource: [] });
    const noIssue = await start({ issueId: null });
    expect((await req('GET', `/api/campaigns/${noIssue.id}/evidence`, w.b1Organiser.token)).json()).toMatchObject({ available: false, issue: null });
  });

  it('logs wins and shows a unit’s wins page publicly once made public, with no personal data', async () => {
    const c = await start({ title: 'Chapel Court repairs' });
    await req('PUT', `/api/campaigns/${c.id}/team/${w.tenant.id}`, w.b1Organiser.token, { role: 'Lead tenant', isLeader: true });
    await req('POST', `/api/campaigns/${c.id}/actors`, w.b1Organiser.token, actorBody());
    const logged = await req('POST', `/api/campaigns/${c.id}/wins`, w.b1Organiser.token, {
      wonOn: '2026-10-01', title: 'Landlord agrees to fix every damp flat', description: 'After a 60-strong lobby, the landlord signed a repairs plan.',
      evidence: 'Letter from the landlord to Ffion Tenantleader (ffion.tenantleader@example.org), 1 October.',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const win = logged.json();
    expect(win).toMatchObject({ campaignId: c.id, campaignTitle: 'Chapel Court repairs', unitName: 'Town Branch', wonOn: '2026-10-01', canManage: true });
    const bad: Record<string, unknown>[] = [{ wonOn: '2026-13-01', title: 'x' }, { wonOn: '2026-10-01', title: '' }, { wonOn: '2026-10-01', title: 'x', campaignId: c.id }];
    for (const b of bad) expect((await req('POST', `/api/campaigns/${c.id}/wins`, w.b1Organiser.token, b)).statusCode).toBe(422);
    expect((await req('POST', `/api/campaigns/${c.id}/wins`, w.b1Volunteer.token, { wonOn: '2026-10-01', title: 'x' })).statusCode).toBe(403);
    expect(await t.ctx.db.$count(wins, eq(wins.campaignId, c.id))).toBe(1);

    const listed = (await req('GET', `/api/campaigns/wins?unit=${w.b1.id}&below=false`, w.b1Volunteer.token)).json().items.map((x: { id: string }) => x.id);
    expect(listed).toContain(win.id);
    expect((await req('GET', `/api/campaigns/wins?unit=${w.c.id}`, w.accounts.organiser.token)).json().items.map((x: { id: string }) => x.id)).toContain(win.id);
    expect((await req('GET', `/api/campaigns/${c.id}`, w.b1Organiser.token)).json().wins).toBe(1);

    // Private until the unit's organisers make it public.
    const publicPage = () => t.request({ method: 'GET', url: `/api/public/wins/${w.b1.id}` });
    expect((await publicPage()).statusCode).toBe(404);
    expect((await req('GET', `/api/campaigns/wins-pages/${w.b1.id}`, w.b1Volunteer.token)).json()).toMatchObject({ isPublic: false, canManage: false, publicUrl: `http://localhost:3000/wins/${w.b1.id}` });
    expect((await req('PUT', `/api/campaigns/wins-pages/${w.b1.id}`, w.b1Volunteer.token, { isPublic: true })).statusCode).toBe(403);
    expect((await req('PUT', `/api/campaigns/wins-pages/${w.b1.id}`, w.b1Organiser.token, { isPublic: 'yes' })).statusCode).toBe(422);
    const made = await req('PUT', `/api/campaigns/wins-pages/${w.b1.id}`, w.b1Admin.token, { isPublic: true });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ isPublic: true, canManage: true });
    const page = await publicPage();
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toEqual({
      unitName: 'Town Branch', nextCursor: null,
      items: [{ wonOn: '2026-10-01', title: 'Landlord agrees to fix every damp flat', description: 'After a 60-strong lobby, the landlord signed a repairs plan.', campaignTitle: 'Chapel Court repairs' }],
    });
    // No one's name, email, account or evidence leaves on the public page.
    for (const s of ['Ffion', 'Tenantleader', '@example.org', 'Letter from the landlord', w.tenant.id, w.b1Organiser.id, 'Castle Lettings']) expect(page.body).not.toContain(s);
    // Private again: gone.
    await req('PUT', `/api/campaigns/wins-pages/${w.b1.id}`, w.b1Organiser.token, { isPublic: false });
    expect((await publicPage()).statusCode).toBe(404);
    expect(await t.ctx.db.$count(auditEvents, eq(auditEvents.action, 'wins_page.publish'))).toBe(1);

    // Edit and remove.
    const edited = await req('PATCH', `/api/campaigns/${c.id}/wins/${win.id}`, w.b1Organiser.token, { title: 'Every damp flat to be fixed' });
    expect(edited.json().title).toBe('Every damp flat to be fixed');
    expect((await req('DELETE', `/api/campaigns/${c.id}/wins/${win.id}`, w.b1Organiser.token)).statusCode).toBe(200);
    expect((await req('DELETE', `/api/campaigns/${c.id}/wins/${win.id}`, w.b1Organiser.token)).statusCode).toBe(404);
  });
});
