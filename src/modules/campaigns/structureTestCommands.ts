import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { recordAudit, type AuditEntry } from '../audit/recordAudit.ts';
import { checkCampaignPeople, type LoadedCampaign } from './policy.ts';
import { progressOf } from './structureProgress.ts';
import type { CountInput, CreateStructureTestInput, GenerateSegmentsInput, SegmentInput, UpdateSegmentInput, UpdateStructureTestInput } from './structureTestInputs.ts';
import { segmentCounts } from './structureTestQueries.ts';
import { structureTestSegments, structureTests, structureTestTallies } from './structureTestSchema.ts';

type TestRow = typeof structureTests.$inferSelect;

const audit = (actor: Actor, loaded: LoadedCampaign, action: string, entityType: string, entityId: string, changes: Record<string, unknown>, requestId?: string): AuditEntry => ({
  actorAccountId: auditActorId(actor), action, entityType, entityId, orgId: loaded.campaign.orgId, unitId: loaded.campaign.unitId, changes, requestId,
});

/** A test of this campaign, locked for the rest of the transaction (counts and edits queue up), or a 404. */
async function loadTest(tx: Db, loaded: LoadedCampaign, testId: string): Promise<TestRow> {
  const [row] = await tx.select().from(structureTests).where(and(eq(structureTests.id, testId), eq(structureTests.campaignId, loaded.campaign.id))).for('update');
  if (!row) throw notFound('Structure test');
  return row;
}

const EMPTY_UNIVERSE = 'This test has no universe yet: add at least one segment (a block, street or department) with its size before running it.';

function duplicateNames(names: string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const n of names) {
    const k = n.toLowerCase();
    if (seen.has(k)) dups.add(n);
    seen.add(k);
  }
  return [...dups];
}

/** Starts a structure test (a draft) with any segments given; audited with ids and counts. */
export async function createStructureTest(tx: Db, actor: Actor, loaded: LoadedCampaign, input: CreateStructureTestInput, requestId?: string): Promise<string> {
  const dups = duplicateNames(input.segments.map((s) => s.name));
  if (dups.length > 0) throw validationFailed('Each segment is named once.', dups.map((n) => ({ path: 'segments', message: `“${n}” is named more than once.` })));
  const c = loaded.campaign;
  const [row] = await tx.insert(structureTests).values({
    orgId: c.orgId, unitId: c.unitId, campaignId: c.id, title: input.title, countsWhat: input.countsWhat, thresholdPct: input.thresholdPct, quota: input.quota,
    createdBy: auditActorId(actor), updatedBy: auditActorId(actor),
  }).returning({ id: structureTests.id });
  if (input.segments.length > 0) {
    await tx.insert(structureTestSegments).values(input.segments.map((s) => ({ orgId: c.orgId, campaignId: c.id, testId: row!.id, name: s.name, size: s.size })));
  }
  await recordAudit(tx, audit(actor, loaded, 'structure_test.create', 'structure_test', row!.id, {
    campaignId: c.id, segments: input.segments.length, universe: input.segments.reduce((n, s) => n + s.size, 0), thresholdPct: input.thresholdPct, quota: input.quota,
  }, requestId));
  return row!.id;
}

/**
 * Edits a test and moves its status. Running or going public needs a universe (422 without);
 * going public before every segment meets the threshold needs an override reason (422 without),
 * which is kept with the test and audited.
 */
export async function updateStructureTest(tx: Db, actor: Actor, loaded: LoadedCampaign, testId: string, input: UpdateStructureTestInput, requestId?: string): Promise<void> {
  const before = await loadTest(tx, loaded, testId);
  const { overrideReason, ...rest } = input;
  const set = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<TestRow>;
  const next = { ...before, ...set };
  const statusChanged = next.status !== before.status;
  if (overrideReason !== undefined && !(statusChanged && next.status === 'public')) {
    throw validationFailed('An override reason is given only when moving the test to public.', [{ path: 'overrideReason', message: 'Only with status “public”.' }]);
  }
  let override = false;
  if (statusChanged && (next.status === 'running' || next.status === 'public')) {
    const p = progressOf((await segmentCounts(tx, [testId])).get(testId)!, next.thresholdPct);
    if (p.segments.length === 0 || p.overall.size === 0) throw validationFailed(EMPTY_UNIVERSE, [{ path: 'status', message: EMPTY_UNIVERSE }]);
    if (next.status === 'public' && !p.goPublic) {
      if (!overrideReason) {
        const short = p.segments.length - p.segmentsMeeting;
        const message = `The threshold is not met: ${short} of ${p.segments.length} segments are below ${next.thresholdPct}%. Give an override reason to go public anyway.`;
        throw validationFailed(message, [{ path: 'overrideReason', message }]);
      }
      override = true;
    }
  }
  if (statusChanged && next.status === 'public') set.publicOverrideReason = override ? overrideReason! : null;
  const changed = Object.keys(set).filter((k) => set[k as keyof TestRow] !== before[k as keyof TestRow]);
  if (changed.length === 0) return;
  await tx.update(structureTests).set({ ...set, updatedBy: auditActorId(actor), updatedAt: sql`now()` }).where(eq(structureTests.id, testId));
  const extra: Record<string, unknown> = {};
  if (changed.includes('status')) extra.status = [before.status, next.status];
  if (changed.includes('thresholdPct')) extra.thresholdPct = next.thresholdPct;
  if (changed.includes('quota')) extra.quota = next.quota;
  if (override) extra.override = true;
  await recordAudit(tx, audit(actor, loaded, 'structure_test.update', 'structure_test', testId, { campaignId: loaded.campaign.id, fields: changed.sort(), ...extra }, requestId));
}

async function nameTaken(tx: Db, testId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await execute<{ id: string }>(tx, sql`
    select id from structure_test_segments where test_id = ${testId} and lower(name) = lower(${name}) ${exceptId ? sql`and id <> ${exceptId}` : sql``}`);
  return rows.length > 0;
}

export async function addSegment(tx: Db, actor: Actor, loaded: LoadedCampaign, testId: string, input: SegmentInput, requestId?: string): Promise<string> {
  await loadTest(tx, loaded, testId);
  if (await nameTaken(tx, testId, input.name)) throw validationFailed('This test already has a segment of that name.', [{ path: 'name', message: `“${input.name}” is already a segment of this test.` }]);
  const c = loaded.campaign;
  const [row] = await tx.insert(structureTestSegments).values({ orgId: c.orgId, campaignId: c.id, testId, name: input.name, size: input.size }).returning({ id: structureTestSegments.id });
  await recordAudit(tx, audit(actor, loaded, 'structure_test.segment_add', 'structure_test', testId, { campaignId: c.id, segmentId: row!.id, size: input.size }, requestId));
  return row!.id;
}

/** Renames or resizes a segment; never below the people already counted in it (422). */
export async function updateSegment(tx: Db, actor: Actor, loaded: LoadedCampaign, testId: string, segmentId: string, input: UpdateSegmentInput, requestId?: string): Promise<void> {
  await loadTest(tx, loaded, testId);
  const [seg] = await execute<{ id: string; name: string; size: number; counted: number }>(tx, sql`
    select s.id, s.name, s.size, (select count(*) from structure_test_tallies y where y.segment_id = s.id)::int as counted
    from structure_test_segments s where s.id = ${segmentId} and s.test_id = ${testId}`);
  if (!seg) throw notFound('Segment');
  const problems: { path: string; message: string }[] = [];
  if (input.name !== undefined && (await nameTaken(tx, testId, input.name, segmentId))) problems.push({ path: 'name', message: `“${input.name}” is already a segment of this test.` });
  if (input.size !== undefined && input.size < seg.counted) {
    problems.push({ path: 'size', message: `${seg.counted} people are already counted in ${seg.name}: its size cannot be less than that.` });
  }
  if (problems.length > 0) throw validationFailed(problems.length === 1 ? problems[0]!.message : 'The segment is not valid.', problems);
  const set: Partial<typeof structureTestSegments.$inferInsert> = {};
  if (input.name !== undefined && input.name !== seg.name) set.name = input.name;
  if (input.size !== undefined && input.size !== seg.size) set.size = input.size;
  if (Object.keys(set).length === 0) return;
  await tx.update(structureTestSegments).set(set).where(eq(structureTestSegments.id, segmentId));
  await recordAudit(tx, audit(actor, loaded, 'structure_test.segment_update', 'structure_test', testId, {
    campaignId: loaded.campaign.id, segmentId, fields: Object.keys(set).sort(), ...(set.size !== undefined ? { size: [seg.size, set.size] } : {}),
  }, requestId));
}

/** Takes a segment out of the universe; one with people counted in it stays (409). */
export async function removeSegment(tx: Db, actor: Actor, loaded: LoadedCampaign, testId: string, segmentId: string, requestId?: string): Promise<void> {
  const test = await loadTest(tx, loaded, testId);
  const [seg] = await execute<{ counted: number }>(tx, sql`
    select (select count(*) from structure_test_tallies y where y.segment_id = s.id)::int as counted from structure_test_segments s where s.id = ${segmentId} and s.test_id = ${testId}`);
  if (!seg) throw notFound('Segment');
  if (seg.counted > 0) throw conflict(`${seg.counted} people are counted in this segment: remove their counts first.`);
  if (test.status !== 'draft' && (await segmentCounts(tx, [testId])).get(testId)!.length === 1) throw conflict('A running test keeps at least one segment.');
  await tx.delete(structureTestSegments).where(eq(structureTestSegments.id, segmentId));
  await recordAudit(tx, audit(actor, loaded, 'structure_test.segment_remove', 'structure_test', testId, { campaignId: loaded.campaign.id, segmentId }, requestId));
}

/**
 * Counts a person in a segment, collected by the caller. Recording needs people.update in the
 * campaign's unit (volunteers collect); the test must be running or public (409); the person
 * is counted once per test (409) and one the campaign may name (422); the segment has room (422).
 */
export async function recordCount(tx: Db, actor: Actor, loaded: LoadedCampaign, testId: string, input: CountInput, requestId?: string): Promise<void> {
  if (!can(actor, 'people.update', loaded.unitPath)) throw forbidden();
  const test = await loadTest(tx, loaded, testId);
  if (test.status !== 'running' && test.status !== 'public') throw conflict('Counts are recorded while the test is running: start it first.');
  const problems: { path: string; message: string }[] = [];
  try {
    await checkCampaignPeople(tx, actor, loaded, [input.personId], 'personId');
    const [already] = await tx.select({ segmentId: structureTestTallies.segmentId }).from(structureTestTallies)
      .where(and(eq(structureTestTallies.testId, testId), eq(structureTestTallies.personId, input.personId)));
    if (already) throw conflict('This person is already counted in this test; each person counts once.');
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 422) throw e;
    problems.push({ path: 'personId', message: 'No person with this id in the campaign’s unit or below that you can read.' });
  }
  const [seg] = await execute<{ name: string; size: number; counted: number }>(tx, sql`
    select s.name, s.size, (select count(*) from structure_test_tallies y where y.segment_id = s.id)::int as counted
    from structure_test_segments s where s.id = ${input.segmentId} and s.test_id = ${testId}`);
  if (!seg) problems.push({ path: 'segmentId', message: 'No segment with this id in this test.' });
  else if (seg.counted >= seg.size) problems.push({ path: 'segmentId', message: `${seg.name} is full: ${seg.counted} of ${seg.size} counted. Raise its size if more live or work there.` });
  if (problems.length > 0) throw validationFailed(problems.length === 1 ? problems[0]!.message : 'The count is not valid.', problems);
  await tx.insert(structureTestTallies).values({ testId, personId: input.personId, segmentId: input.segmentId, orgId: loaded.campaign.orgId, campaignId: loaded.campaign.id, collectedBy: auditActorId(actor) });
  await recordAudit(tx, audit(actor, loaded, 'structure_test.count', 'person', input.personId, { campaignId: loaded.campaign.id, testId, segmentId: input.segmentId, counted: seg!.counted + 1 }, requestId));
}

/** Takes a count back: the volunteer who collected it, or someone who runs the campaign. */
export async function removeCount(tx: Db, actor: Actor, loaded: LoadedCampaign, testId: string, personId: string, requestId?: string): Promise<void> {
  await loadTest(tx, loaded, testId);
  const [row] = await tx.select().from(structureTestTallies).where(and(eq(structureTestTallies.testId, testId), eq(structureTestTallies.personId, personId)));
  if (!row) throw notFound('Count');
  const mine = row.collectedBy !== null && row.collectedBy === auditActorId(actor);
  if (!mine && !can(actor, 'campaigns.manage', loaded.unitPath)) throw forbidden();
  await tx.delete(structureTestTallies).where(and(eq(structureTestTallies.testId, testId), eq(structureTestTallies.personId, personId)));
  await recordAudit(tx, audit(actor, loaded, 'structure_test.uncount', 'person', personId, { campaignId: loaded.campaign.id, testId, segmentId: row.segmentId }, requestId));
}

/**
 * Adds a segment for each distinct value of a person field (postcode, address line) among the
 * live people of the campaign's unit or below whom the caller may read, sized by how many people
 * have it. Values already a segment are skipped. None to add is a 422; at most 500 segments.
 */
export async function generateSegments(tx: Db, actor: Actor, loaded: LoadedCampaign, testId: string, input: GenerateSegmentsInput, requestId?: string): Promise<number> {
  await loadTest(tx, loaded, testId);
  const column = sql.raw(`p.${input.by}`);
  const key = input.by === 'postcode' ? sql`upper(trim(${column}))` : sql`trim(${column})`;
  const groups = await execute<{ name: string; size: number }>(tx, sql`
    select ${key} as name, count(*)::int as size from people p
    where p.org_id = ${loaded.campaign.orgId} and p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)}
      and p.unit_id in (select u.id from units u where u.path like ${`${loaded.unitPath}%`})
      and coalesce(trim(${column}), '') <> ''
      and not exists (select 1 from structure_test_segments s where s.test_id = ${testId} and lower(s.name) = lower(${key}))
    group by ${key} order by ${key} limit 501`);
  if (groups.length === 0) {
    const message = 'No people of the campaign’s unit or below have a value in this field that is not already a segment: enter the segments by hand.';
    throw validationFailed(message, [{ path: 'by', message }]);
  }
  if (groups.length > 500) throw validationFailed('More than 500 groups: choose a coarser field or enter the segments by hand.', [{ path: 'by', message: 'More than 500 groups.' }]);
  const c = loaded.campaign;
  await tx.insert(structureTestSegments).values(groups.map((g) => ({ orgId: c.orgId, campaignId: c.id, testId, name: g.name, size: g.size })));
  await recordAudit(tx, audit(actor, loaded, 'structure_test.segments_generate', 'structure_test', testId, {
    campaignId: c.id, by: input.by, added: groups.length, universe: groups.reduce((n, g) => n + g.size, 0),
  }, requestId));
  return groups.length;
}
