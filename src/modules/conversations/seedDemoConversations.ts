import { en, en_GB, Faker } from '@faker-js/faker';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { accounts, roleGrants } from '../accounts/schema.ts';
import type { CommitmentAnswer, CommitmentAsk } from '../commitments/schema.ts';
import { seedTaxonomy } from '../issues/defaultTaxonomy.ts';
import { issues } from '../issues/schema.ts';
import { issueSlug } from '../issues/slug.ts';
import { people } from '../people/schema.ts';
import { seedScales } from '../scales/defaultScales.ts';
import { scales } from '../scales/schema.ts';
import { units } from '../units/schema.ts';
import type { ConversationPlan } from './prepareConversation.ts';
import { conversations, type ConversationKind, type ConversationOutcome } from './schema.ts';
import { conversationRow, writeConversationDetails } from './writeConversations.ts';

const DAY = 86_400_000;
const STORIES = [
  'Grew up on the estate; mum was a shop steward at the pit.',
  'Works nights at the distribution centre; rota changes every week.',
  'Cares for her dad; waited eleven weeks for a GP appointment.',
  'Moved here for work in 2016; the bus into town stopped running after six.',
  'Rents privately; the landlord has ignored the damp for two winters.',
  'Runs the under-11s football on Saturdays; the pitches are waterlogged.',
  'Retired teacher; worried the library will close.',
];
const SELF_INTERESTS = [
  'Wants a secure tenancy so the kids can stay at the same school.',
  'Wants regular hours so she can plan childcare.',
  'Wants the damp fixed before the baby arrives.',
  'Wants to meet neighbours who feel the same about the buses.',
  'Wants to feel the area is listened to, not written off.',
  'Wants a decent wage for care workers like her.',
];
const FREE_TEXT = ['Speeding on the main road', 'No dropped kerbs for wheelchairs', 'Post office closing', 'Street lights out on the estate', 'Dog fouling in the park'];
const ASKS: CommitmentAsk[] = ['attend', 'host', 'sign', 'recruit', 'one_to_one', 'vote'];

/** Deterministic demo volunteers, one per constituency party without a demo account of its own. */
async function demoOrganisers(db: Db, orgId: string) {
  const clps = await db.select().from(units).where(and(eq(units.orgId, orgId), eq(units.kind, 'constituency')));
  for (const u of clps) {
    const [a] = await db.insert(accounts).values({ email: `volunteer.${u.code}@demo.tredegar.local`, displayName: `${u.name.replace(/ CLP$/, '')} volunteer (demo)`, isDemo: true })
      .onConflictDoNothing({ target: accounts.email }).returning();
    if (a) await db.insert(roleGrants).values({ accountId: a.id, unitId: u.id, role: 'volunteer' }).onConflictDoNothing();
  }
  // Everyone in the demo organisation who logs conversations, with the unit path they work under.
  return db.select({ id: accounts.id, path: units.path, role: roleGrants.role }).from(roleGrants)
    .innerJoin(accounts, eq(accounts.id, roleGrants.accountId)).innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(and(eq(units.orgId, orgId), inArray(roleGrants.role, ['volunteer', 'organiser'])));
}

/**
 * Gives the demo organisation the default taxonomy and scales and about `count` conversations
 * over the past year across its people (deterministic: the same data relative to `now`), with
 * issue mixes that differ by ward, notes, assessments, commitments and follow-ups.
 */
export async function seedDemoConversations(db: Db, orgId: string, opts: { count?: number; now?: Date } = {}): Promise<number> {
  const count = opts.count ?? 1500;
  const now = (opts.now ?? new Date()).getTime();
  const f = new Faker({ locale: [en_GB, en], seed: 1906 });
  await seedTaxonomy(db, orgId);
  await seedScales(db, orgId);
  const organisers = await demoOrganisers(db, orgId);
  const folk = await db.select({ id: people.id, unitId: people.unitId, wardCode: people.wardCode, path: units.path }).from(people)
    .innerJoin(units, eq(units.id, people.unitId)).where(and(eq(people.orgId, orgId), isNull(people.deletedAt))).orderBy(people.id);
  if (folk.length === 0 || organisers.length === 0) return 0;
  const taxonomy = await db.select({ id: issues.id, label: issues.label }).from(issues).where(and(eq(issues.orgId, orgId), eq(issues.status, 'approved'))).orderBy(issues.slug);
  const scaleRows = new Map((await db.select().from(scales).where(eq(scales.orgId, orgId))).map((s) => [s.key, s]));
  const organising = scaleRows.get('organising');
  const support = scaleRows.get('support');

  // Each ward leans towards a few issues, so salience maps show real differences between places.
  const wardIssues = new Map<string, { value: (typeof taxonomy)[number]; weight: number }[]>();
  const issueMix = (ward: string | null) => {
    const key = ward ?? '';
    if (!wardIssues.has(key)) wardIssues.set(key, taxonomy.map((value) => ({ value, weight: f.helpers.weightedArrayElement([{ value: 12, weight: 1 }, { value: 3, weight: 3 }, { value: 1, weight: 8 }]) })));
    return wardIssues.get(key)!;
  };
  const byUnit = new Map<string, typeof folk>();
  for (const p of folk) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);

  const plans: ConversationPlan[] = [];
  for (let i = 0; i < count; i++) {
    const first = f.helpers.arrayElement(folk);
    const kind = f.helpers.weightedArrayElement<ConversationKind>([
      { value: 'doorstep', weight: 45 }, { value: 'one_to_one', weight: 20 }, { value: 'phone', weight: 20 }, { value: 'house_meeting', weight: 8 }, { value: 'listening', weight: 7 },
    ]);
    const outcome: ConversationOutcome = kind === 'doorstep'
      ? f.helpers.weightedArrayElement([{ value: 'spoke', weight: 55 }, { value: 'not_home', weight: 30 }, { value: 'come_back_later', weight: 6 }, { value: 'refused', weight: 5 }, { value: 'moved', weight: 2 }, { value: 'inaccessible', weight: 2 }])
      : kind === 'phone' ? f.helpers.weightedArrayElement([{ value: 'spoke', weight: 60 }, { value: 'not_home', weight: 30 }, { value: 'refused', weight: 10 }]) : 'spoke';
    const group = kind === 'house_meeting' || kind === 'listening'
      ? [first, ...f.helpers.arrayElements((byUnit.get(first.unitId) ?? []).filter((p) => p.id !== first.id), { min: 2, max: 7 })]
      : [first];
    const fit = organisers.filter((o) => first.path.startsWith(o.path));
    const createdBy = f.helpers.arrayElement(fit.length > 0 ? fit : organisers).id;
    const occurredAt = new Date(now - f.number.int({ min: 0, max: 365 * DAY }));
    const spoke = outcome === 'spoke';
    const raised = spoke ? f.helpers.uniqueArray(() => f.helpers.weightedArrayElement(issueMix(first.wardCode)), f.number.int({ min: 1, max: 3 })) : [];
    const freeText = spoke && f.number.int(100) < 4 ? [f.helpers.arrayElement(FREE_TEXT)] : [];
    const withNotes = spoke && (kind === 'one_to_one' || f.number.int(100) < 30);
    const assessments: ConversationPlan['assessments'] = [];
    if (spoke && kind === 'one_to_one' && organising) assessments.push({ scaleId: organising.id, value: f.number.int({ min: 1, max: 5 }), phase: 'single', personId: first.id });
    if (spoke && kind === 'doorstep' && support && f.number.int(100) < 40) {
      const before = f.number.int({ min: 0, max: 10 });
      assessments.push({ scaleId: support.id, value: before, phase: 'before', personId: first.id }, { scaleId: support.id, value: Math.min(10, before + f.number.int({ min: -1, max: 3 })), phase: 'after', personId: first.id });
    }
    const commitments: ConversationPlan['commitments'] = [];
    if (spoke && (kind === 'one_to_one' ? f.number.int(100) < 60 : f.number.int(100) < 15)) {
      const answer = f.helpers.weightedArrayElement<CommitmentAnswer>([{ value: 'yes', weight: 5 }, { value: 'maybe', weight: 2 }, { value: 'no', weight: 2 }, { value: 'awaiting', weight: 1 }]);
      const due = new Date(occurredAt.getTime() + f.number.int({ min: 3, max: 30 }) * DAY);
      const settled = due.getTime() < now && (answer === 'yes' || answer === 'maybe');
      commitments.push({
        ask: f.helpers.arrayElement(ASKS), customText: null, answer, dueOn: due.toISOString().slice(0, 10), personId: first.id,
        ...(settled && f.number.int(100) < 80 ? { status: f.number.int(100) < 70 ? 'kept' as const : 'broken' as const, markedAt: due } : {}),
      });
    }
    const followUps: ConversationPlan['followUps'] = [];
    if (f.number.int(100) < 25 || outcome === 'come_back_later') {
      const due = new Date(occurredAt.getTime() + f.number.int({ min: 2, max: 21 }) * DAY);
      followUps.push({
        assigneeAccountId: createdBy, dueOn: due.toISOString().slice(0, 10), personId: first.id,
        reason: outcome === 'come_back_later' ? 'Call back: they asked us to come back' : f.helpers.arrayElement(['Invite to the house meeting', 'Bring the repairs letter template', 'Introduce to the tenants’ group', 'Second one-to-one']),
        ...(due.getTime() < now && f.number.int(100) < 70 ? { doneAt: due } : {}),
      });
    }
    plans.push({
      id: f.string.uuid(), orgId, unitId: first.unitId, unitPath: first.path, kind, occurredAt,
      durationMinutes: kind === 'doorstep' ? f.number.int({ min: 1, max: 10 }) : kind === 'phone' ? f.number.int({ min: 2, max: 25 }) : f.number.int({ min: 30, max: 90 }),
      outcome, selfInterest: withNotes ? f.helpers.arrayElement(SELF_INTERESTS) : null, story: withNotes ? f.helpers.arrayElement(STORIES) : null,
      source: 'demo', submissionHash: null, createdBy,
      people: group.map((p) => ({ id: p.id, wardCode: p.wardCode, isNew: false })), newPeople: [],
      organiserIds: [createdBy],
      issues: [
        ...raised.map((r) => ({ ref: { issueId: r.id, newSlug: null, label: r.label, rawText: null }, personIds: group.map((p) => p.id) })),
        ...freeText.map((text) => ({ ref: { issueId: null, newSlug: issueSlug(text), label: text, rawText: text }, personIds: [first.id] })),
      ],
      assessments, commitments, followUps,
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < plans.length; i += 500) await tx.insert(conversations).values(plans.slice(i, i + 500).map(conversationRow));
    await writeConversationDetails(tx, plans);
  });
  return plans.length;
}
