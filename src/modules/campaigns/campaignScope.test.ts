import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { actorBody, buildCampaignWorld, campaignBody, type CampaignWorld } from './testing/campaignWorld.ts';

/**
 * Campaigns, power maps and wins planted in a sibling branch (under another party) and in
 * another organisation, each naming its own people, must never reach anyone in branch B1 or
 * party C: not in lists, not by id, not on the power map, evidence or wins, and no write lands.
 */
describe.each(testDatabaseKinds)('campaign scope on %s', (kind) => {
  let t: TestApp;
  let w: CampaignWorld;
  const planted: { campaign: string; actor: string; win: string; unit: string }[] = [];
  const canaries = ['Canarycampaign', 'Canaryactor', 'Canarywin', 'Canaryevidence', 'Quillon', 'Siblingcanary', 'Zephyrine', 'Orgcanary'];

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildCampaignWorld(t);
    const plant = async (token: string, unitId: string, personId: string, issueId: string) => {
      const send = async (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) => {
        const res = await t.request({ method, url, token, payload });
        if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const c = await send('POST', '/api/campaigns', campaignBody(unitId, { title: 'Canarycampaign secret plans', issueId, areaCodes: [], demand: 'Canarycampaign demand' }));
      await send('PUT', `/api/campaigns/${c.id}/team/${personId}`, { role: 'Canarycampaign leader', isLeader: true });
      const map = await send('POST', `/api/campaigns/${c.id}/actors`, actorBody({ name: 'Canaryactor Holdings' }));
      await send('POST', `/api/campaigns/${c.id}/actors`, { kind: 'person', personId, influence: 3, stance: 1 });
      await send('POST', `/api/campaigns/${c.id}/actors/${map.actors[0].id}/contacts`, { personId, relationship: 'Canaryactor cousin' });
      const win = await send('POST', `/api/campaigns/${c.id}/wins`, { wonOn: '2026-09-01', title: 'Canarywin headline', evidence: 'Canarywin evidence' });
      await send('PUT', `/api/campaigns/wins-pages/${unitId}`, { isPublic: false });
      planted.push({ campaign: c.id, actor: map.actors[0].id, win: win.id, unit: unitId });
    };
    await plant(w.accounts.siblingOrganiser.token, w.sibling.id, w.people.siblingPerson.id, w.issues.damp);
    await plant(w.accounts.orgBAdmin.token, w.otherBranch.id, w.people.otherPerson.id, w.issues.orgBDamp);
    // A campaign of B1's own, so lists are not trivially empty.
    await t.request({ method: 'POST', url: '/api/campaigns', token: w.b1Organiser.token, payload: campaignBody(w.b1.id, { title: 'Home campaign' }) });
  });
  afterAll(() => t.close());

  const viewers = () => [
    ['b1 organiser', w.b1Organiser.token], ['b1 volunteer', w.b1Volunteer.token], ['b1 admin', w.b1Admin.token],
    ['party organiser', w.accounts.organiser.token], ['party admin', w.accounts.unit_admin.token], ['party dpo', w.accounts.dpo.token], ['party national admin', w.accounts.national_admin.token],
  ] as const;

  const expectClean = (label: string, body: string) => {
    const leaked = canaries.filter((c) => body.includes(c));
    expect(leaked, `${label}: ${body.slice(0, 300)}`).toEqual([]);
  };

  it('keeps other units’ and organisations’ campaigns out of every read', async () => {
    for (const [label, token] of viewers()) {
      const lists = [
        '/api/campaigns?limit=200', '/api/campaigns/wins?limit=200', `/api/campaigns?q=canary`,
        ...planted.flatMap((p) => [`/api/campaigns?unit=${p.unit}`, `/api/campaigns/wins?unit=${p.unit}`, `/api/campaigns/wins?campaign=${p.campaign}`]),
      ];
      for (const url of lists) {
        const res = await t.request({ method: 'GET', url, token });
        expect(res.statusCode, `${label} ${url}`).toBe(200);
        expectClean(`${label} ${url}`, res.body);
      }
      const home = (await t.request({ method: 'GET', url: '/api/campaigns?limit=200', token })).json().items;
      expect(home.map((c: { title: string }) => c.title), label).toContain('Home campaign');
      for (const p of planted) {
        for (const url of [`/api/campaigns/${p.campaign}`, `/api/campaigns/${p.campaign}/power-map`, `/api/campaigns/${p.campaign}/evidence`, `/api/campaigns/wins-pages/${p.unit}`]) {
          const res = await t.request({ method: 'GET', url, token });
          expect(res.statusCode, `${label} ${url}`).toBe(404);
          expectClean(`${label} ${url}`, res.body);
        }
      }
    }
    // The other organisation's admin sees its own and nothing of organisation A.
    const b = await t.request({ method: 'GET', url: '/api/campaigns?limit=200', token: w.accounts.orgBAdmin.token });
    expect(b.json().items.map((c: { id: string }) => c.id)).toEqual([planted[1]!.campaign]);
  });

  it('lets no one outside change them', async () => {
    for (const [label, token] of viewers()) {
      for (const p of planted) {
        const writes: [string, string, Record<string, unknown> | undefined][] = [
          ['PATCH', `/api/campaigns/${p.campaign}`, { title: 'Taken over' }],
          ['POST', `/api/campaigns/${p.campaign}/phase`, { phase: 'organise_act' }],
          ['PUT', `/api/campaigns/${p.campaign}/team/${w.tenant.id}`, { role: 'x' }],
          ['POST', `/api/campaigns/${p.campaign}/actors`, actorBody()],
          ['PATCH', `/api/campaigns/${p.campaign}/actors/${p.actor}`, { stance: 2 }],
          ['DELETE', `/api/campaigns/${p.campaign}/actors/${p.actor}`, undefined],
          ['POST', `/api/campaigns/${p.campaign}/wins`, { wonOn: '2026-01-01', title: 'Stolen win' }],
          ['DELETE', `/api/campaigns/${p.campaign}/wins/${p.win}`, undefined],
          ['PUT', `/api/campaigns/wins-pages/${p.unit}`, { isPublic: true }],
        ];
        for (const [method, url, payload] of writes) {
          const res = await t.request({ method: method as 'POST', url, token, ...(payload ? { payload } : {}) });
          expect(res.statusCode, `${label} ${method} ${url}`).toBe(404);
        }
      }
    }
    // Nothing changed: the planted campaigns read as they were, from inside.
    const sib = (await t.request({ method: 'GET', url: `/api/campaigns/${planted[0]!.campaign}`, token: w.accounts.siblingOrganiser.token })).json();
    expect(sib).toMatchObject({ title: 'Canarycampaign secret plans', phase: 'build_relationships', wins: 1 });
    expect((await t.request({ method: 'GET', url: `/api/campaigns/${planted[0]!.campaign}/power-map`, token: w.accounts.siblingOrganiser.token })).json().actors).toHaveLength(2);
  });

  it('serves a private wins page to no one, and a public one without anything personal', async () => {
    for (const p of planted) expect((await t.request({ method: 'GET', url: `/api/public/wins/${p.unit}` })).statusCode).toBe(404);
    await t.request({ method: 'PUT', url: `/api/campaigns/wins-pages/${w.sibling.id}`, token: w.accounts.siblingOrganiser.token, payload: { isPublic: true } });
    const page = await t.request({ method: 'GET', url: `/api/public/wins/${w.sibling.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((i: { title: string }) => i.title)).toEqual(['Canarywin headline']);
    for (const s of ['Quillon', 'Siblingcanary', 'Canaryactor', 'Canarywin evidence', '@example.org', w.people.siblingPerson.id]) expect(page.body).not.toContain(s);
    // The sibling's public page is its own: B1's page stays private, and the other organisation's too.
    expect((await t.request({ method: 'GET', url: `/api/public/wins/${w.b1.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/public/wins/${w.otherBranch.id}` })).statusCode).toBe(404);
  });
});
