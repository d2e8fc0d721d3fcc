import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { customFieldDefinitions, people } from '../people/schema.ts';
import { buildPeopleWorld, type PeopleWorld } from '../people/testing/peopleWorld.ts';

describe.each(testDatabaseKinds)('custom fields on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
  });
  afterAll(() => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) => t.request({ method, url, token, payload });

  it('defines fields that people then carry, validated on create and update', async () => {
    const tenure = await req('POST', '/api/custom-fields', w.rootAdmin, { key: 'tenure', label: 'Tenure', type: 'single_choice', choices: ['Owner', 'Renter'], required: true });
    expect(tenure.statusCode).toBe(201);
    expect(tenure.json()).toEqual({ id: expect.any(String), key: 'tenure', label: 'Tenure', type: 'single_choice', choices: ['Owner', 'Renter'], required: true });
    await req('POST', '/api/custom-fields', w.rootAdmin, { key: 'children', label: 'Children', type: 'number' });
    const missing = await req('POST', '/api/people', w.tokens.volunteer, { unitId: w.b1.id, firstName: 'Nofield' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details).toEqual([{ path: 'customFields.tenure', message: 'Tenure is required.' }]);
    const ok = await req('POST', '/api/people', w.tokens.volunteer, { unitId: w.b1.id, firstName: 'Withfield', customFields: { tenure: 'Renter', children: 2 } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().customFields).toEqual({ tenure: 'Renter', children: 2 });
    const patched = await req('PATCH', `/api/people/${ok.json().id}`, w.tokens.volunteer, { customFields: { children: null, tenure: 'Owner' } });
    expect(patched.json().customFields).toEqual({ tenure: 'Owner' });
    expect((await req('PATCH', `/api/people/${ok.json().id}`, w.tokens.volunteer, { customFields: { tenure: null } })).statusCode).toBe(422);
    expect((await req('PATCH', `/api/people/${ok.json().id}`, w.tokens.volunteer, { customFields: { tenure: 'Castle' } })).statusCode).toBe(422);
    // Making the required field optional again lets people be added without it.
    await req('PATCH', `/api/custom-fields/${tenure.json().id}`, w.rootAdmin, { required: false });
    expect((await req('POST', '/api/people', w.tokens.volunteer, { unitId: w.b1.id, firstName: 'Nofield' })).statusCode).toBe(201);
  });

  it('keeps keys immutable and choices consistent with the type', async () => {
    const f = (await req('POST', '/api/custom-fields', w.rootAdmin, { key: 'shift', label: 'Shift', type: 'text' })).json();
    expect((await req('PATCH', `/api/custom-fields/${f.id}`, w.rootAdmin, { key: 'other' })).statusCode).toBe(422);
    expect((await req('PATCH', `/api/custom-fields/${f.id}`, w.rootAdmin, { type: 'number' })).statusCode).toBe(422);
    expect((await req('PATCH', `/api/custom-fields/${f.id}`, w.rootAdmin, { choices: ['A'] })).statusCode).toBe(422);
    const relabel = await req('PATCH', `/api/custom-fields/${f.id}`, w.rootAdmin, { label: 'Working pattern' });
    expect(relabel.json()).toMatchObject({ key: 'shift', label: 'Working pattern' });
    const bad: object[] = [
      { key: 'Bad Key', label: 'x', type: 'text' },
      { key: 'shift', label: 'dupe', type: 'text' },
      { key: 'pick', label: 'x', type: 'single_choice' },
      { key: 'pick', label: 'x', type: 'multiple_choice', choices: ['A', 'A'] },
      { key: 'pick', label: 'x', type: 'multiple_choice', choices: ['A;B'] },
      { key: 'pick', label: 'x', type: 'colour' },
    ];
    const codes = [];
    for (const body of bad) codes.push((await req('POST', '/api/custom-fields', w.rootAdmin, body)).statusCode);
    expect(codes).toEqual([422, 409, 422, 422, 422, 422]);
  });

  it('deletes a field and its values from every person', async () => {
    const f = (await req('POST', '/api/custom-fields', w.rootAdmin, { key: 'temp', label: 'Temp', type: 'text' })).json();
    const p = (await req('POST', '/api/people', w.rootAdmin, { unitId: w.b1.id, firstName: 'Temp', customFields: { temp: 'value' } })).json();
    expect((await req('DELETE', `/api/custom-fields/${f.id}`, w.rootAdmin)).statusCode).toBe(204);
    const [row] = await t.ctx.db.select().from(people).where(eq(people.id, p.id));
    expect(row!.customFields).not.toHaveProperty('temp');
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, f.id)).orderBy(auditEvents.createdAt);
    expect(audit!.action).toBe('custom_field.create');
    expect((await req('DELETE', `/api/custom-fields/${f.id}`, w.rootAdmin)).statusCode).toBe(404);
  });

  it('keeps organisations apart and needs organisation-wide authority to change fields', async () => {
    const theirs = await req('POST', '/api/custom-fields', w.otherOrgAdmin, { key: 'secret', label: 'Secret', type: 'text' });
    expect(theirs.statusCode).toBe(201);
    const mine = await req('GET', '/api/custom-fields', w.tokens.volunteer);
    expect(mine.json().items.map((f: { key: string }) => f.key)).not.toContain('secret');
    expect((await req('PATCH', `/api/custom-fields/${theirs.json().id}`, w.rootAdmin, { label: 'Mine now' })).statusCode).toBe(404);
    expect((await req('DELETE', `/api/custom-fields/${theirs.json().id}`, w.rootAdmin)).statusCode).toBe(404);
    expect((await req('POST', '/api/custom-fields', w.tokens.unit_admin, { key: 'local', label: 'Local', type: 'text' })).statusCode).toBe(403);
    expect((await req('POST', '/api/custom-fields', w.tokens.volunteer, { key: 'local', label: 'Local', type: 'text' })).statusCode).toBe(403);
    expect((await req('GET', '/api/custom-fields', w.twoOrgs)).statusCode).toBe(422);
    expect((await req('GET', `/api/custom-fields?orgId=${w.orgB.id}`, w.twoOrgs)).json().items.map((f: { key: string }) => f.key)).toEqual(['secret']);
    const [stored] = await t.ctx.db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, theirs.json().id));
    expect(stored!.label).toBe('Secret');
  });
});
