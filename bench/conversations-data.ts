// The conversation benchmark database (tredegar_bench_conv): 1,000,000 people on real wards and
// 5,000,000 conversations over two years with issue mixes that lean differently in every ward,
// commitments, organisers and relationships, generated set-based inside PostgreSQL.
import type pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/connection.ts';
import { seedTaxonomy } from '../src/modules/issues/defaultTaxonomy.ts';
import { configureLevels } from '../src/modules/ladder/configureLevels.ts';
import { DEFAULT_LADDER } from '../src/modules/ladder/defaultLadder.ts';
import { createBenchOrganisation, readBenchOrganisation, type BenchOrganisation } from './lib/benchOrganisation.ts';
import { benchDatabaseUrl, openBenchDatabase, recreateBenchDatabase } from './lib/benchDatabase.ts';
import { readWardPlaces } from './lib/geography.ts';
import { electionsDir } from './lib/paths.ts';
import { fmt, since } from './lib/stats.ts';

export const CONV_DATABASE_URL = benchDatabaseUrl('conv');
const log = (s: string) => process.stderr.write(`${s}\n`);

export interface ConvMeta {
  people: number;
  conversations: number;
  seed: number;
  issueRows: number;
  commitments: number;
  relationships: number;
  seconds: Record<string, number>;
}

export interface ConvBench {
  database: Database;
  org: BenchOrganisation;
  meta: ConvMeta;
}

// Tables whose secondary indexes are dropped during the load and built again after it: a sorted
// build is many times faster than five million random inserts into each index.
const BIG_TABLES = ['people', 'conversations', 'conversation_people', 'conversation_organisers', 'conversation_issues', 'commitments'];

async function timed<T>(seconds: Record<string, number>, label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  seconds[label] = Math.round(since(t0) * 10) / 10;
  log(`  ${label}: ${seconds[label]} s`);
  return out;
}

/** Opens the benchmark database when it holds exactly this generation; null otherwise. */
export async function openConvBench(people: number, conversations: number, seed: number): Promise<ConvBench | null> {
  const database = await openBenchDatabase(CONV_DATABASE_URL, 12).catch(() => null);
  if (!database) return null;
  const [row] = await database.query<{ value: ConvMeta }>(`select value from bench_meta where key = 'conv'`).catch(() => []);
  const org = await readBenchOrganisation(database);
  if (org && row && row.value.people === people && row.value.conversations === conversations && row.value.seed === seed) return { database, org, meta: row.value };
  await database.close();
  return null;
}

/** Drops and generates the benchmark database; about ten minutes at full size on two cores. */
export async function generateConvBench(people: number, conversations: number, seed: number): Promise<ConvBench> {
  const seconds: Record<string, number> = {};
  const t0 = performance.now();
  const database = await recreateBenchDatabase(CONV_DATABASE_URL, 12);
  const places = readWardPlaces(electionsDir(), { seed });
  const org = await timed(seconds, 'geography and organisation', () => createBenchOrganisation(database, electionsDir(), places));
  await seedTaxonomy(database.db, org.orgId);
  const pool = (database.raw as { kind: 'postgres'; pool: pg.Pool }).pool;
  const c = await pool.connect();
  const q = (text: string, params: unknown[] = []) => c.query(text, params);
  try {
    // Generation only: no fsync wait per statement, room to sort, and no per-row foreign key checks
    // (the rows are consistent by construction).
    await q(`set synchronous_commit = off; set maintenance_work_mem = '1GB'; set work_mem = '256MB'; set session_replication_role = replica; select setseed(${(seed % 1000) / 1000})`);
    const indexes = (await q(`select tablename, indexname, indexdef from pg_indexes i where schemaname = 'public' and tablename = any($1)
      and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`, [BIG_TABLES])).rows as { tablename: string; indexname: string; indexdef: string }[];
    for (const i of indexes) await q(`drop index ${i.indexname}`);

    const wards = places.filter((p) => org.unitOfConstituency.has(p.constituencyCode));
    await q(`create unlogged table bench_wards (idx int primary key, ward_code text, constituency_code text, unit_id uuid)`);
    await q(`insert into bench_wards select row_number() over ()::int, w, c, u::uuid from unnest($1::text[], $2::text[], $3::text[]) as t(w, c, u)`,
      [wards.map((w) => w.wardCode), wards.map((w) => w.constituencyCode), wards.map((w) => org.unitOfConstituency.get(w.constituencyCode)!)]);
    const nWards = wards.length;
    log(`generating ${fmt(people)} people on ${fmt(nWards)} wards and ${fmt(conversations)} conversations`);

    await timed(seconds, 'people', () => q(`
      insert into people (id, org_id, unit_id, first_name, last_name, ward_code, constituency_code, membership_status, search_text, source, created_at, updated_at)
      select gen_random_uuid(), $1, w.unit_id,
        (array['Alys','Bryn','Carys','Dylan','Eira','Ffion','Gareth','Huw','Iwan','Jac','Kay','Lowri','Mair','Nia','Owain','Rhys','Sian','Tomos','Wyn','Zara','Amir','Bea','Chen','Dora','Eli','Femi','Gina','Hassan','Ines','Jo'])[1 + (g % 30)],
        (array['Jones','Davies','Evans','Thomas','Roberts','Hughes','Lewis','Morgan','Griffiths','Price','Khan','Patel','Smith','Brown','Walker','Wright','Green','Hall','Wood','Clarke'])[1 + ((g / 30) % 20)] || '-' || (g % 997),
        w.ward_code, w.constituency_code, (array['member','supporter','none','none','lapsed'])[1 + (g % 5)], '', 'bench', now(), now()
      from generate_series(1, $2::int) g join bench_wards w on w.idx = 1 + abs(hashint4(g)) % $3::int`, [org.orgId, people, nWards]));
    await q(`create unlogged table bench_people as select row_number() over (order by id)::int as idx, id, unit_id, ward_code from people where org_id = $1`, [org.orgId]);
    await q(`alter table bench_people add primary key (idx)`);

    // Three organiser accounts per constituency party; one in ten is also a person on the roll.
    await timed(seconds, 'organisers', async () => {
      await q(`create unlogged table bench_accounts as
        select u.id as unit_id, k, gen_random_uuid() as account_id from units u, generate_series(0, 2) k where u.org_id = $1 and u.kind = 'constituency'`, [org.orgId]);
      await q(`insert into accounts (id, email, display_name) select account_id, 'organiser.' || account_id || '@bench.tredegar.local', 'Bench organiser' from bench_accounts`);
      await q(`insert into role_grants (account_id, unit_id, role) select account_id, unit_id, 'organiser' from bench_accounts`);
      await q(`with firsts as (select distinct on (unit_id) unit_id, id from bench_people order by unit_id, idx)
        update accounts a set person_id = f.id from bench_accounts b join firsts f on f.unit_id = b.unit_id where a.id = b.account_id and b.k = 0`);
    });

    // Each ward leans towards three issues: 60% of what is raised there is one of them.
    await q(`create unlogged table bench_issues as select row_number() over (order by slug)::int as idx, id from issues where org_id = $1 and status = 'approved'`, [org.orgId]);
    const nIssues = (await q(`select count(*)::int as n from bench_issues`)).rows[0].n as number;
    await q(`create unlogged table bench_ward_issues as select w.ward_code, r as rank, 1 + abs(hashtext(w.ward_code || r::text)) % ${nIssues} as issue_idx from (select distinct ward_code from bench_wards) w, generate_series(1, 3) r`);
    await q(`alter table bench_ward_issues add primary key (ward_code, rank)`);

    await timed(seconds, 'staging', async () => {
      await q(`create unlogged table bench_conv as
        with r as (select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5 from generate_series(1, $1::int) g)
        select g,
          ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid as id,
          p.id as person_id, p.unit_id, p.ward_code, a.account_id,
          now() - r.r5 * interval '730 days' as occurred_at,
          k.kind,
          case when r.r3 < (case k.kind when 'doorstep' then 0.55 when 'phone' then 0.6 else 1 end) then 'spoke'
               when r.r3 < 0.9 then 'not_home' when r.r3 < 0.96 then 'come_back_later' else 'refused' end as outcome,
          r.r4 as r4
        from r
        join bench_people p on p.idx = 1 + floor($2::int * power(r.r1, 1.6))::int
        join bench_accounts a on a.unit_id = p.unit_id and a.k = r.g % 3
        cross join lateral (select case when r.r2 < 0.45 then 'doorstep' when r.r2 < 0.65 then 'one_to_one' when r.r2 < 0.85 then 'phone'
          when r.r2 < 0.93 then 'house_meeting' else 'listening' end as kind) k`, [conversations, people]);
    });

    const chunk = 1_000_000;
    const ranges = Array.from({ length: Math.ceil(conversations / chunk) }, (_, i) => [i * chunk + 1, Math.min(conversations, (i + 1) * chunk)] as const);
    const load = async (label: string, text: string) => {
      const t = performance.now();
      for (const [lo, hi] of ranges) await q(text, [org.orgId, lo, hi]);
      seconds[label] = Math.round(since(t) * 10) / 10;
      log(`  ${label}: ${seconds[label]} s`);
    };
    await load('conversations', `insert into conversations (id, org_id, unit_id, person_id, kind, occurred_at, outcome, source, created_by, created_at, updated_at)
      select id, $1, unit_id, person_id, kind, occurred_at, outcome, 'bench', account_id, occurred_at, occurred_at from bench_conv where g between $2 and $3`);
    await load('conversation_people', `insert into conversation_people (conversation_id, person_id, org_id, unit_id, kind, outcome, occurred_at, ward_code, position)
      select id, person_id, $1, unit_id, kind, outcome, occurred_at, ward_code, 0 from bench_conv where g between $2 and $3`);
    await load('conversation_organisers', `insert into conversation_organisers (conversation_id, account_id, org_id, unit_id, person_id, kind, occurred_at)
      select id, account_id, $1, unit_id, person_id, kind, occurred_at from bench_conv where g between $2 and $3`);
    // 0–3 issues per conversation where they spoke (20% none, 45% one, 25% two, 10% three).
    await load('conversation_issues', `insert into conversation_issues (id, org_id, conversation_id, person_id, issue_id, unit_id, ward_code, occurred_at)
      select distinct on (c.id, i.id) ('00000000-0000-4000-9000-' || lpad(to_hex(c.g * 4 + n), 12, '0'))::uuid, $1, c.id, c.person_id, i.id, c.unit_id, c.ward_code, c.occurred_at
      from bench_conv c
      cross join lateral generate_series(1, case when c.outcome <> 'spoke' or c.r4 < 0.2 then 0 when c.r4 < 0.65 then 1 when c.r4 < 0.9 then 2 else 3 end) n
      join bench_ward_issues f on f.ward_code = c.ward_code and f.rank = n
      cross join lateral (select case when random() < 0.6 then f.issue_idx else 1 + floor(random() * ${nIssues})::int end as idx, f.rank as r) pick
      join bench_issues i on i.idx = pick.idx
      where c.g between $2 and $3`);
    // Commitments: asked in 60% of one-to-ones and 15% of other conversations where they spoke.
    await load('commitments', `insert into commitments (id, org_id, person_id, unit_id, conversation_id, ask, answer, status, due_on, marked_at, marked_by, asked_by, asked_at, created_at, updated_at)
      select ('00000000-0000-4000-a000-' || lpad(to_hex(c.g), 12, '0'))::uuid, $1, c.person_id, c.unit_id, c.id,
        (array['attend','host','sign','recruit','one_to_one','vote'])[1 + c.g % 6], x.answer,
        case when x.answer in ('yes', 'maybe') and c.occurred_at < now() - interval '30 days' then (case when x.s < 0.5 then 'kept' when x.s < 0.7 then 'broken' else 'open' end) else 'open' end,
        (c.occurred_at + interval '14 days')::date,
        case when x.answer in ('yes', 'maybe') and c.occurred_at < now() - interval '30 days' and x.s < 0.7 then c.occurred_at + interval '14 days' end,
        case when x.answer in ('yes', 'maybe') and c.occurred_at < now() - interval '30 days' and x.s < 0.7 then c.account_id end,
        c.account_id, c.occurred_at, c.occurred_at, c.occurred_at
      from bench_conv c cross join lateral (select random() as s, (array['yes','yes','yes','yes','yes','maybe','maybe','no','no','awaiting'])[1 + floor(random() * 10)::int] as answer) x
      where c.g between $2 and $3 and c.outcome = 'spoke' and random() < (case c.kind when 'one_to_one' then 0.6 else 0.15 end)`);

    await timed(seconds, 'relationships', async () => {
      const n = Math.round(people / 10);
      // Recruiters come from the most spoken-with tenth; recruits are distinct people.
      await q(`insert into relationships (org_id, type, person_id, other_person_id, occurred_on)
        select $1, 'recruited', r.id, e.id, (now() - random() * interval '700 days')::date
        from generate_series(1, $2::int) g
        join bench_people e on e.idx = $3::int - g
        join bench_people r on r.idx = 1 + floor(random() * $2::int)::int
        where r.id <> e.id`, [org.orgId, n, people]);
      await q(`insert into relationships (org_id, type, person_id, other_person_id, occurred_on, event_name)
        select $1, 'brought', r.id, e.id, (now() - random() * interval '700 days')::date, 'Listening meeting ' || (g % 50)
        from generate_series(1, $2::int) g
        join bench_people e on e.idx = 1 + abs(hashint4(g * 31)) % $3::int
        join bench_people r on r.idx = 1 + floor(random() * $2::int)::int
        where r.id <> e.id on conflict do nothing`, [org.orgId, n, people]);
      await q(`insert into relationships (org_id, type, person_id, other_person_id, kind, strength)
        select $1, 'tie', a.id, b.id, (array['family','friend','neighbour','housemate','co_worker','congregation','union','other'])[1 + g % 8], 1 + g % 5
        from generate_series(1, $2::int) g
        join bench_people a on a.idx = 1 + abs(hashint4(g * 7)) % $3::int
        join bench_people b on b.idx = 1 + abs(hashint4(g * 13 + 1)) % $3::int
        where a.id <> b.id on conflict do nothing`, [org.orgId, n * 2, people]);
    });

    await timed(seconds, 'indexes', async () => {
      for (const i of indexes) {
        const t = performance.now();
        await q(i.indexdef);
        log(`    ${i.indexname}: ${since(t).toFixed(1)} s`);
      }
    });
    await q(`set session_replication_role = origin`);
    for (const t of ['bench_wards', 'bench_people', 'bench_accounts', 'bench_issues', 'bench_ward_issues', 'bench_conv']) await q(`drop table ${t}`);
    await timed(seconds, 'vacuum analyze', () => q('vacuum analyze'));
  } finally {
    c.release();
  }

  // The default ladder, as an organisation would start; the ladder benchmark computes everyone's level.
  const [root] = await database.query<{ id: string; path: string }>(`select id, path from units where id = $1`, [org.rootId]);
  const system = { accountId: 'system', email: '', displayName: '', via: 'system' as const, grants: [{ unitId: root!.id, unitPath: root!.path, orgId: org.orgId, role: 'national_admin' as const }] };
  await database.db.transaction((tx) => configureLevels(tx, system, org.orgId, DEFAULT_LADDER));

  const count = async (table: string) => (await database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`) as unknown as { rows: { n: number }[] }).rows[0]!.n;
  seconds.total = Math.round(since(t0) * 10) / 10;
  const meta: ConvMeta = { people, conversations, seed, issueRows: await count('conversation_issues'), commitments: await count('commitments'), relationships: await count('relationships'), seconds };
  await database.query(`create table if not exists bench_meta (key text primary key, value jsonb not null)`);
  await database.query(`insert into bench_meta values ('conv', $1) on conflict (key) do update set value = excluded.value`, [JSON.stringify(meta)]);
  log(`generated in ${seconds.total} s: ${fmt(meta.issueRows)} issues raised, ${fmt(meta.commitments)} commitments, ${fmt(meta.relationships)} relationships`);
  return { database, org, meta };
}

/** The benchmark database at this size, reused when it already holds it. */
export async function convBench(people: number, conversations: number, seed: number, fresh = false): Promise<ConvBench> {
  if (!fresh) {
    const existing = await openConvBench(people, conversations, seed);
    if (existing) {
      log(`reusing tredegar_bench_conv (${fmt(people)} people, ${fmt(conversations)} conversations, seed ${seed})`);
      return existing;
    }
  }
  return generateConvBench(people, conversations, seed);
}
