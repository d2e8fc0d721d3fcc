import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import type { CommitmentAsk } from '../commitments/schema.ts';
import { orgsWith } from '../people/orgScope.ts';
import { lastSpokenSql, myPeopleRowsSql } from '../relationships/myPeople.ts';
import { targetOf } from './targets.ts';
import type { OrganiserDashboardView } from './views.ts';

export const TIME_ZONE = 'Europe/London';
const ITEMS = 20;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The caller's organiser dashboard in six queries run side by side, whatever their workload:
 * follow-ups due (counts, then the soonest), one-to-ones held this week by day against their
 * target, commitments awaiting an answer, and their people not spoken with for `days`. Only
 * organisations where they still log conversations count.
 */
export async function organiserDashboard(db: Db, actor: Actor, days: number): Promise<OrganiserDashboardView> {
  const me = actor.accountId;
  const orgs = arrayParam(orgsWith(actor, ['conversations.log']));
  const today = sql`(now() at time zone ${TIME_ZONE})::date`;
  const weekStart = sql`(date_trunc('week', now() at time zone ${TIME_ZONE}) at time zone ${TIME_ZONE})`;
  const openFollowUps = sql`f.assignee_account_id = ${me} and f.done_at is null and f.deleted_at is null and f.org_id = any(${orgs}::uuid[])
    and exists (select 1 from people fp where fp.id = f.person_id and fp.deleted_at is null)`;
  const awaiting = sql`k.asked_by = ${me} and k.answer = 'awaiting' and k.status = 'open' and k.deleted_at is null and k.org_id = any(${orgs}::uuid[])`;
  const [[fuCounts], fuItems, week, [awaitCount], awaitItems, notSpoken, target] = await Promise.all([
    execute<{ overdue: number; due_today: number; next7: number }>(db, sql`
      select count(*) filter (where f.due_on < ${today})::int as overdue, count(*) filter (where f.due_on = ${today})::int as due_today,
        count(*) filter (where f.due_on > ${today} and f.due_on <= ${today} + 7)::int as next7
      from follow_ups f where ${openFollowUps} and f.due_on <= ${today} + 7`),
    execute<{ id: string; person_id: string; first_name: string; last_name: string; due_on: string; reason: string; conversation_id: string | null; overdue: boolean }>(db, sql`
      select f.id, f.person_id, p.first_name, p.last_name, f.due_on::text as due_on, f.reason, f.conversation_id, f.due_on < ${today} as overdue
      from follow_ups f join people p on p.id = f.person_id
      where ${openFollowUps} and f.due_on <= ${today} + 7 order by f.due_on, f.id limit ${ITEMS}`),
    execute<{ week_start: string; day: string | null; held: number }>(db, sql`
      with wk as (select ${weekStart} as start)
      select (wk.start at time zone ${TIME_ZONE})::date::text as week_start, d.day, coalesce(d.held, 0)::int as held from wk left join (
        select (co.occurred_at at time zone ${TIME_ZONE})::date::text as day, count(distinct co.conversation_id)::int as held
        from conversation_organisers co join conversations c on c.id = co.conversation_id and c.outcome = 'spoke' and c.deleted_at is null, wk
        where co.account_id = ${me} and co.kind = 'one_to_one' and co.deleted_at is null and co.org_id = any(${orgs}::uuid[])
          and co.occurred_at >= wk.start and co.occurred_at < wk.start + interval '7 days'
        group by 1
      ) d on true`),
    execute<{ n: number }>(db, sql`select count(*)::int as n from commitments k join people p on p.id = k.person_id and p.deleted_at is null where ${awaiting}`),
    execute<{ id: string; person_id: string; first_name: string; last_name: string; ask: CommitmentAsk; custom_text: string | null; asked_at: Date | string; due_on: string | null; conversation_id: string | null }>(db, sql`
      select k.id, k.person_id, p.first_name, p.last_name, k.ask, k.custom_text, k.asked_at, k.due_on::text as due_on, k.conversation_id
      from commitments k join people p on p.id = k.person_id and p.deleted_at is null
      where ${awaiting} order by k.due_on nulls last, k.asked_at, k.id limit ${ITEMS}`),
    execute<{ id: string; first_name: string; last_name: string; last_spoken_at: Date | string | null; total: number }>(db, sql`
      with mine as (${myPeopleRowsSql(actor)}),
      base as (
        select p.id, p.first_name, p.last_name, ${lastSpokenSql(sql`p.id`)} as last_spoken_at
        from mine join people p on p.id = mine.person_id where p.org_id = any(${orgs}::uuid[])
      )
      select *, count(*) over ()::int as total from base
      where last_spoken_at is null or last_spoken_at < now() - make_interval(days => ${days}::int)
      order by last_spoken_at nulls first, last_name, first_name, id limit ${ITEMS}`),
    targetOf(db, me),
  ]);
  const weekStartDate = week[0]!.week_start;
  const held = new Map(week.filter((d) => d.day).map((d) => [d.day!, d.held]));
  const byDay = Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.parse(`${weekStartDate}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    return { date, held: held.get(date) ?? 0 };
  });
  const person = (r: { person_id?: string; id?: string; first_name: string; last_name: string }) => ({ id: (r.person_id ?? r.id)!, firstName: r.first_name, lastName: r.last_name });
  return {
    generatedAt: new Date().toISOString(),
    timeZone: TIME_ZONE,
    followUps: {
      overdue: fuCounts?.overdue ?? 0,
      dueToday: fuCounts?.due_today ?? 0,
      dueNext7Days: fuCounts?.next7 ?? 0,
      items: fuItems.map((f) => ({ id: f.id, person: person(f), dueOn: f.due_on, reason: f.reason, overdue: f.overdue, conversationId: f.conversation_id })),
    },
    oneToOnes: { weekStart: weekStartDate, held: byDay.reduce((n, d) => n + d.held, 0), target, byDay },
    awaitingAnswers: {
      count: awaitCount?.n ?? 0,
      items: awaitItems.map((k) => ({ id: k.id, person: person(k), ask: k.ask, customText: k.custom_text, askedAt: iso(k.asked_at)!, dueOn: k.due_on, conversationId: k.conversation_id })),
    },
    notSpokenTo: { days, count: notSpoken[0]?.total ?? 0, items: notSpoken.map((r) => ({ person: { id: r.id, firstName: r.first_name, lastName: r.last_name }, lastSpokenAt: iso(r.last_spoken_at) })) },
  };
}
