import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { execute } from '../../db/execute.ts';
import { MAX_NOTE_CHARS } from './inputs.ts';
import { buildConversationWorld, fullSubmission, type ConversationWorld } from './testing/conversationWorld.ts';

const TABLES = ['conversations', 'conversation_people', 'conversation_organisers', 'conversation_issues', 'assessments', 'commitments', 'follow_ups', 'people', 'contact_points', 'issues'];

describe.each(testDatabaseKinds)('bad conversation input on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [row] = await execute<Record<string, number>>(t.ctx.db, sql.raw(`select ${TABLES.map((x) => `(select count(*)::int from ${x}) as ${x}`).join(', ')}`));
    return row!;
  };
  const post = (payload: unknown) => t.request({ method: 'POST', url: '/api/conversations', token: w.accounts.organiser.token, payload: payload as object });

  it('refuses each kind of bad input with a clear 4xx in the error shape, writing nothing', async () => {
    const base = () => fullSubmission(w.people.p1.id);
    const cases: [string, unknown, number, string?][] = [
      ['unknown person', { ...base(), people: [crypto.randomUUID()] }, 422, 'people.0'],
      ['person of another organisation', { ...base(), people: [w.people.otherPerson.id] }, 422, 'people.0'],
      ['no people', { ...base(), people: [] }, 422, 'body.people'],
      ['the same person twice', { ...base(), people: [w.people.p1.id, w.people.p1.id], assessments: [], commitments: [], followUps: [] }, 422, 'people.1'],
      ['unknown issue', { ...base(), issues: [{ issueId: crypto.randomUUID() }] }, 422, 'issues.0.issueId'],
      ['issue raised by someone not there', { ...base(), issues: [{ text: 'Buses', personIds: [w.people.p2.id] }] }, 422, 'issues.0.personIds.0'],
      ['assessment above the scale', { ...base(), assessments: [{ scaleKey: 'organising', value: 9 }] }, 422, 'assessments.0.value'],
      ['assessment below the scale', { ...base(), assessments: [{ scaleKey: 'support', value: -1, phase: 'before' }] }, 422, 'assessments.0.value'],
      ['assessment phase the scale does not have', { ...base(), assessments: [{ scaleKey: 'organising', value: 2, phase: 'after' }] }, 422, 'assessments.0.phase'],
      ['unknown scale', { ...base(), assessments: [{ scaleKey: 'charisma', value: 2 }] }, 422, 'assessments.0.scaleKey'],
      ['fractional assessment', { ...base(), assessments: [{ scaleKey: 'organising', value: 2.5 }] }, 422, 'body.assessments.0.value'],
      ['impossible time', { ...base(), occurredAt: '2025-02-30T10:00:00Z' }, 422, 'body.occurredAt'],
      ['time without a zone', { ...base(), occurredAt: '2025-02-03 10:00' }, 422, 'body.occurredAt'],
      ['time in the future', { ...base(), occurredAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }, 422, 'body.occurredAt'],
      ['impossible due date', { ...base(), commitments: [{ ask: 'attend', dueOn: '2025-13-01' }] }, 422, 'body.commitments.0.dueOn'],
      ['due date in a UK format', { ...base(), followUps: [{ dueOn: '31/12/2025' }] }, 422, 'body.followUps.0.dueOn'],
      ['commitment without an ask', { ...base(), commitments: [{ answer: 'yes' }] }, 422, 'body.commitments.0.ask'],
      ['custom ask without words', { ...base(), commitments: [{ ask: 'custom', answer: 'yes' }] }, 422, 'body.commitments.0.customText'],
      ['oversized note', { ...base(), notes: { story: 'x'.repeat(MAX_NOTE_CHARS + 1) } }, 422, 'body.notes.story'],
      ['duration beyond a day', { ...base(), durationMinutes: 5000 }, 422, 'body.durationMinutes'],
      ['unknown field', { ...base(), mood: 'good' }, 422],
      ['unknown kind', { ...base(), kind: 'telepathy' }, 422, 'body.kind'],
      ['issues raised when nobody was home', { ...base(), outcome: 'not_home', assessments: [], commitments: [] }, 422, 'issues'],
      ['assessment of whom, with two people', { ...base(), people: [w.people.p1.id, w.people.p2.id], issues: [], commitments: [], followUps: [] }, 422, 'assessments.0.personId'],
      ['co-organiser of another organisation', { ...base(), organisers: [w.accounts.orgBAdmin.id] }, 422, 'organisers.0'],
      ['follow-up for an unknown account', { ...base(), followUps: [{ dueOn: '2025-03-11', assigneeAccountId: crypto.randomUUID() }] }, 422, 'followUps.0.assigneeAccountId'],
      ['a new person with a bad postcode, beside a valid one', { ...base(), people: [{ firstName: 'Ok' }, { firstName: 'Bad', postcode: 'ZZ' }], assessments: [], commitments: [], followUps: [] }, 422, 'people.1.postcode'],
      ['a new person with a bad email', { ...base(), people: [{ firstName: 'Bad', contacts: [{ kind: 'email', value: 'not-an-email' }] }] }, 422, 'people.0.contacts.0.value'],
      ['a unit outside my scope', { ...base(), unitId: w.sibling.id }, 422, 'unitId'],
      ['a new person whose id belongs to someone else', { ...base(), people: [{ id: w.people.p2.id, firstName: 'Impostor' }], assessments: [], commitments: [], followUps: [] }, 409],
      ['not JSON at all', 'just words', 4],
      ['an array', [1, 2, 3], 422],
    ];
    const before = await counts();
    for (const [label, body, status, path] of cases) {
      const res = await post(body);
      if (status === 4) expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      else expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
      expect(res.statusCode, label).toBeLessThan(500);
      const err = res.json().error;
      expect(err, label).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      if (path) expect(err.details.map((d: { path: string }) => d.path), label).toContain(path);
      expect(await counts(), label).toEqual(before);
    }
  });

  it('never answers 500 and never writes for random changes to a valid submission', async () => {
    const keys = Object.keys(fullSubmission(w.people.p1.id));
    const junk = fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.uuid(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...keys, 'id', 'unitId', 'organisers', 'extra'), value: junk }),
      fc.record({ op: fc.constant('drop' as const), key: fc.constantFrom(...keys) }),
      fc.record({ op: fc.constant('deep' as const), key: fc.constantFrom('issues', 'assessments', 'commitments', 'followUps'), field: fc.constantFrom('text', 'issueId', 'scaleKey', 'value', 'phase', 'ask', 'answer', 'dueOn', 'personId', 'personIds', 'customText', 'reason', 'bogus'), value: junk }),
    );
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
      const body: Record<string, unknown> = fullSubmission(w.people.p1.id);
      for (const m of mutations) {
        if (m.op === 'set') body[m.key] = m.value;
        else if (m.op === 'drop') delete body[m.key];
        else if (Array.isArray(body[m.key]) && (body[m.key] as unknown[]).length > 0) (body[m.key] as Record<string, unknown>[])[0] = { ...(body[m.key] as Record<string, unknown>[])[0], [m.field]: m.value };
      }
      const before = await counts();
      const res = await post(body);
      expect(res.statusCode, `${JSON.stringify(body).slice(0, 300)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        expect(await counts()).toEqual(before);
      } else {
        expect((await counts()).conversations).toBe(before.conversations! + 1);
      }
    }), { numRuns: kind === 'pglite' ? 120 : 200 });
  }, 600_000);
});
