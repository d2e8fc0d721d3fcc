import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { seedDemoCampaign } from './seedDemoCampaign.ts';
import { buildCampaignWorld, type CampaignWorld } from './testing/campaignWorld.ts';

describe('the demo campaign', () => {
  let t: TestApp;
  let w: CampaignWorld;
  let town: { id: string };
  beforeAll(async () => {
    t = await createTestApp('pglite');
    w = await buildCampaignWorld(t);
    town = await buildUnit(t.ctx.db, w.c.id, { code: 'doncaster-central-town', name: 'Demo Town Branch' });
    for (const firstName of ['Dilys', 'Emrys', 'Ffion']) await buildPerson(t.ctx.db, { id: town.id, orgId: w.orgA.id }, { firstName });
    await seedDemoCampaign(t.ctx.db, w.orgA.id);
  });
  afterAll(() => t.close());

  it('is a tenants’ campaign in its fourth phase with a history, a team, a small power map and one public win', async () => {
    const token = w.accounts.organiser.token;
    const [listed] = (await t.request({ method: 'GET', url: `/api/campaigns?unit=${town.id}`, token })).json().items;
    expect(listed).toMatchObject({ title: 'Fix the damp on the Westfield estate', phase: 'organise_act', wins: 1, issue: { label: 'Damp and mould' } });
    const c = (await t.request({ method: 'GET', url: `/api/campaigns/${listed.id}`, token })).json();
    expect(c.history.map((h: { toPhase: string }) => h.toPhase)).toEqual(['build_relationships', 'identify_issues', 'choose_issue', 'organise_act']);
    const times = c.history.map((h: { changedAt: string }) => Date.parse(h.changedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(c.team).toHaveLength(3);
    const map = (await t.request({ method: 'GET', url: `/api/campaigns/${listed.id}/power-map`, token })).json();
    expect(map.actors.map((a: { name: string; target: string | null }) => [a.name, a.target])).toEqual([
      ['Castle Lettings Ltd', 'primary'], ['Cabinet member for housing', 'secondary'], ['Private housing enforcement team', null],
    ]);
    expect(map.links).toHaveLength(2);
    const page = await t.request({ method: 'GET', url: `/api/public/wins/${town.id}` });
    expect(page.json().items.map((i: { title: string }) => i.title)).toEqual(['Castle Lettings agrees a repairs plan for every damp flat']);
    for (const name of ['Dilys', 'Emrys', 'Ffion']) expect(page.body).not.toContain(name);
  });
});
