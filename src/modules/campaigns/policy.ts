import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { units } from '../units/schema.ts';
import { campaigns } from './schema.ts';

export type CampaignRow = typeof campaigns.$inferSelect;

/** SQL condition "the actor may see campaign `c`": campaigns.read on its unit or an ancestor. */
export function campaignVisible(actor: Actor, alias = 'c'): SQL {
  return inScope(actor, 'campaigns.read', sql`${sql.raw(alias)}.unit_id`);
}

/** SQL condition "the actor may run campaign `c`": campaigns.manage on its unit or an ancestor. */
export function campaignManageable(actor: Actor, alias = 'c'): SQL {
  return inScope(actor, 'campaigns.manage', sql`${sql.raw(alias)}.unit_id`);
}

export interface LoadedCampaign {
  campaign: CampaignRow;
  unitPath: string;
}

/**
 * Loads a campaign for reading or running. One the caller cannot see is a 404 (a guessed id
 * confirms nothing); one they see but may not run is a 403. With `lock`, the row is locked so
 * phase moves and edits of one campaign queue up.
 */
export async function loadCampaignFor(db: Db, actor: Actor, id: string, action: 'read' | 'manage', lock = false): Promise<LoadedCampaign> {
  if (lock) await db.execute(sql`select 1 from campaigns where id = ${id} for update`);
  const [row] = await db
    .select({ campaign: campaigns, unitPath: units.path })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.unitId))
    .where(and(eq(campaigns.id, id), campaignVisible(actor, 'campaigns')));
  if (!row) throw notFound('Campaign');
  if (action === 'manage' && !can(actor, 'campaigns.manage', row.unitPath)) throw forbidden();
  return row;
}

/** The unit a campaign is started in: unknown or unseen is a 422 on the field, seen but not run a 403. */
export async function loadUnitForCampaigns(db: Db, actor: Actor, unitId: string, action: 'read' | 'manage', path = 'unitId') {
  const [unit] = await db.select({ id: units.id, orgId: units.orgId, path: units.path, name: units.name }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit || !can(actor, 'campaigns.read', unit.path)) throw validationFailed('Unknown unit.', [{ path, message: 'No unit with this id that you can see.' }]);
  if (action === 'manage' && !can(actor, 'campaigns.manage', unit.path)) throw forbidden();
  return unit;
}

/**
 * People a campaign may name (team, power-map actors, contacts): live people the caller may
 * read, kept in the campaign's unit or a unit below it. Keeping them inside the campaign's
 * subtree means everyone who may see the campaign may also read them. Any other id is a 422.
 */
export async function checkCampaignPeople(db: Db, actor: Actor, loaded: LoadedCampaign, personIds: string[], path: string): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await execute<{ id: string; name: string }>(db, sql`
    select p.id, trim(p.first_name || ' ' || p.last_name) as name from people p
    where p.id = any(${arrayParam(ids)}::uuid[]) and p.org_id = ${loaded.campaign.orgId} and p.deleted_at is null
      and ${inScope(actor, 'people.read', sql`p.unit_id`)}
      and p.unit_id in (select u.id from units u where u.path like ${`${loaded.unitPath}%`})`);
  const found = new Map(rows.map((r) => [r.id, r.name]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw validationFailed('Unknown person.', missing.map(() => ({ path, message: 'No person with this id in the campaign’s unit or below that you can read.' })));
  }
  return found;
}
