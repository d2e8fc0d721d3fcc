import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { systemActor } from '../accounts/systemActor.ts';
import { issues } from '../issues/schema.ts';
import { people } from '../people/schema.ts';
import { units } from '../units/schema.ts';
import { changePhase } from './changePhase.ts';
import { createCampaign } from './createCampaign.ts';
import { loadCampaignFor } from './policy.ts';
import { addActor, addLink, setContact } from './powerMapCommands.ts';
import { campaignPhaseChanges, campaigns, type CampaignPhase } from './schema.ts';
import { setTeamMember } from './teamCommands.ts';
import { logWin, setWinsPagePublic } from './winCommands.ts';

const DAY = 86_400_000;

/**
 * Gives the demo organisation one campaign to look at: tenants of a Doncaster estate against a
 * landlord who will not fix damp, in its fourth phase, with a small power map, a team and one
 * win on the branch's public wins page. Written through the same commands as the API, then its
 * phase history spread over the last two months. Does nothing when the branch or issue is missing.
 */
export async function seedDemoCampaign(db: Db, orgId: string, opts: { now?: Date } = {}): Promise<void> {
  const now = (opts.now ?? new Date()).getTime();
  const [root] = await db.select({ path: units.path }).from(units).where(and(eq(units.orgId, orgId), isNull(units.parentId)));
  const [branch] = await db.select({ id: units.id }).from(units).where(and(eq(units.orgId, orgId), eq(units.code, 'doncaster-central-town')));
  const [issue] = await db.select({ id: issues.id }).from(issues).where(and(eq(issues.orgId, orgId), eq(issues.slug, 'damp-and-mould')));
  if (!root || !branch || !issue) return;
  const members = await db.select({ id: people.id }).from(people).where(and(eq(people.unitId, branch.id), isNull(people.deletedAt))).orderBy(asc(people.id)).limit(3);
  const system = systemActor({ orgId, path: root.path }, 'Demo');

  const id = await createCampaign(db, system, {
    unitId: branch.id, title: 'Fix the damp on the Westfield estate', issueId: issue.id, phase: 'build_relationships', areaCodes: [],
    description: 'Tenants of Castle Lettings on the Westfield estate organising together after years of damp, mould and ignored repair requests.',
    demand: 'Castle Lettings fixes the damp in every flat on the estate within 12 weeks, and answers repair requests within 14 days.',
    goal: 'Every damp flat repaired, and a tenants’ association the landlord has to deal with.', deadline: new Date(now + 90 * DAY).toISOString().slice(0, 10),
  });
  await db.transaction(async (tx) => {
    const loaded = await loadCampaignFor(tx, system, id, 'manage', true);
    for (const phase of ['identify_issues', 'choose_issue', 'organise_act'] as CampaignPhase[]) {
      await changePhase(tx, system, await loadCampaignFor(tx, system, id, 'manage'), { phase });
    }
    const roles = ['Lead tenant', 'Door-knocking', 'Media'];
    for (const [i, m] of members.entries()) await setTeamMember(tx, system, loaded, m.id, { role: roles[i]!, isLeader: i === 0 });
    const landlord = await addActor(tx, system, loaded, {
      kind: 'institution', personId: null, name: 'Castle Lettings Ltd', position: 'Landlord of 140 flats on the estate', influence: 5, stance: -2, target: 'primary', notes: '',
      selfInterest: 'Keep the rent coming in while spending as little as possible on repairs; avoid a council licensing fine.',
    });
    const councillor = await addActor(tx, system, loaded, {
      kind: 'person', personId: null, name: 'Cabinet member for housing', position: 'City of Doncaster Council', influence: 4, stance: 0, target: 'secondary', notes: '',
      selfInterest: 'Wants to be seen acting on private renting before the election; wary of legal costs.',
    });
    const officer = await addActor(tx, system, loaded, {
      kind: 'institution', personId: null, name: 'Private housing enforcement team', position: 'City of Doncaster Council', influence: 3, stance: 1, target: null, notes: '',
      selfInterest: 'Needs evidence from tenants to act; short of staff.',
    });
    await addLink(tx, system, loaded, { fromActorId: councillor, toActorId: officer, description: 'directs the work of' });
    await addLink(tx, system, loaded, { fromActorId: officer, toActorId: landlord, description: 'can serve improvement notices on' });
    if (members[1]) await setContact(tx, system, loaded, councillor, { personId: members[1].id, relationship: 'Neighbours; their children are at school together' });
    await logWin(tx, system, loaded, {
      wonOn: new Date(now - 5 * DAY).toISOString().slice(0, 10), title: 'Castle Lettings agrees a repairs plan for every damp flat',
      description: 'After 60 tenants lobbied the council cabinet together, the landlord signed a plan to treat damp in every flat by the spring.',
      evidence: 'Signed repairs plan, minutes of the tenants’ meeting with the landlord.',
    });
    // The history as it happened: started two months ago, each phase a couple of weeks.
    const ages: Record<CampaignPhase, number> = { build_relationships: 60, identify_issues: 45, choose_issue: 30, organise_act: 14, close_evaluate: 0 };
    for (const [phase, days] of Object.entries(ages)) {
      await tx.update(campaignPhaseChanges).set({ changedAt: new Date(now - days * DAY) }).where(and(eq(campaignPhaseChanges.campaignId, id), eq(campaignPhaseChanges.toPhase, phase as CampaignPhase)));
    }
    await tx.update(campaigns).set({ phaseChangedAt: new Date(now - 14 * DAY), createdAt: new Date(now - 60 * DAY) }).where(eq(campaigns.id, id));
    await setWinsPagePublic(tx, system, { id: branch.id, orgId }, true);
  });
}
