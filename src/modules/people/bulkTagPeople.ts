import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { peopleFilterSql, type PeopleFilter } from './filters.ts';

export interface BulkTagCommand {
  orgId: string;
  filter: PeopleFilter;
  add: { ids: string[]; slugs: string[] };
  remove: { ids: string[]; slugs: string[] };
  actorAccountId: string;
  requestId?: string;
}

/**
 * Adds and removes tags on everyone matching a filter whom the actor may update, in one
 * statement (however many people match), and writes one summary audit row.
 */
export async function bulkTagPeople(tx: Db, actor: Actor, cmd: BulkTagCommand): Promise<{ matched: number; added: number; removed: number }> {
  const where = await peopleFilterSql(tx, actor, cmd.filter, 'people.update');
  const [counts] = await execute<{ matched: number; added: number; removed: number }>(tx, sql`
    with matched as (select people.id, people.org_id from people where ${where} and people.org_id = ${cmd.orgId}),
    ins as (
      insert into person_tags (person_id, tag_id, org_id)
      select m.id, t.id, m.org_id from matched m cross join unnest(${arrayParam(cmd.add.ids)}::uuid[]) as t(id)
      on conflict do nothing
      returning person_id),
    del as (
      delete from person_tags pt using matched m
      where pt.person_id = m.id and pt.tag_id = any(${arrayParam(cmd.remove.ids)}::uuid[])
      returning pt.person_id),
    touched as (update people set updated_at = now() where id in (select person_id from ins union select person_id from del) returning 1)
    select (select count(*)::int from matched) as matched, (select count(*)::int from ins) as added,
      (select count(*)::int from del) as removed, (select count(*)::int from touched) as touched`);
  const result = { matched: counts!.matched, added: counts!.added, removed: counts!.removed };
  await recordAudit(tx, {
    actorAccountId: cmd.actorAccountId,
    action: 'people.bulk_tag',
    entityType: 'person',
    orgId: cmd.orgId,
    changes: { filter: cmd.filter, add: cmd.add.slugs, remove: cmd.remove.slugs, ...result },
    requestId: cmd.requestId,
  });
  return result;
}
