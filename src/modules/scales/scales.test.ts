import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildConversationWorld, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';

describe.each(testDatabaseKinds)('assessment scales on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
  });
  afterAll(() => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) => t.request({ method, url, token, ...(payload ? { payload } : {}) });

  it('shows the organisation’s scales to everyone who logs conversations', async () => {
    const res = await req('GET', '/api/scales', w.accounts.vol1.token);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((s: { key: string }) => s.key)).toEqual(['organising', 'support']);
    expect(res.json().items[0]).toMatchObject({ minValue: 1, maxValue: 5, higherIsBetter: false, phases: 'single', pointLabels: { 1: 'Leader: organises others' } });
  });

  it('lets only administrators of the whole organisation add and change scales', async () => {
    const body = { key: 'union_strength', label: 'Union strength', minValue: 0, maxValue: 3, pointLabels: { 0: 'None', 3: 'Organised' } };
    for (const who of ['organiser', 'unit_admin', 'vol1'] as const) expect((await req('POST', '/api/scales', w.accounts[who].token, body)).statusCode, who).toBe(403);
    const made = await req('POST', '/api/scales', w.accounts.rootUnitAdmin.token, body);
    expect(made.statusCode, made.body).toBe(201);
    expect((await req('POST', '/api/scales', w.accounts.rootAdmin.token, body)).statusCode).toBe(409);
    expect((await req('POST', '/api/scales', w.accounts.rootAdmin.token, { ...body, key: 'bad', minValue: 3, maxValue: 3 })).statusCode).toBe(422);
    expect((await req('POST', '/api/scales', w.accounts.rootAdmin.token, { ...body, key: 'bad', pointLabels: { 7: 'Off the scale' } })).statusCode).toBe(422);
    expect((await req('POST', '/api/scales', w.accounts.rootAdmin.token, { ...body, key: 'Bad Key' })).statusCode).toBe(422);
    expect((await req('PATCH', `/api/scales/${made.json().id}`, w.accounts.orgBAdmin.token, { label: 'x' })).statusCode).toBe(404);
  });

  it('keeps recorded ratings on the scale: the range narrows only to fit them, and an archived scale is no longer offered', async () => {
    const admin = w.accounts.rootAdmin.token;
    const scale = (await req('POST', '/api/scales', admin, { key: 'confidence', label: 'Confidence', minValue: 1, maxValue: 10 })).json();
    const log = (value: number) => req('POST', '/api/conversations', w.accounts.vol1.token, { kind: 'one_to_one', people: [w.people.p1.id], occurredAt: '2025-02-01T10:00:00Z', assessments: [{ scaleKey: 'confidence', value }] });
    expect((await log(8)).statusCode).toBe(201);
    expect((await req('PATCH', `/api/scales/${scale.id}`, admin, { maxValue: 5 })).statusCode).toBe(409);
    const widened = await req('PATCH', `/api/scales/${scale.id}`, admin, { maxValue: 12, label: 'Confidence to act' });
    expect(widened.json()).toMatchObject({ maxValue: 12, label: 'Confidence to act' });
    expect((await log(12)).statusCode).toBe(201);
    expect((await req('PATCH', `/api/scales/${scale.id}`, admin, { archived: true })).json().archived).toBe(true);
    expect((await req('GET', '/api/scales', w.accounts.vol1.token)).json().items.map((s: { key: string }) => s.key)).not.toContain('confidence');
    const refused = await log(3);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([{ path: 'assessments.0.scaleKey', message: expect.any(String) }]);
  });
});
