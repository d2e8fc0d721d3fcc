import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { accounts } from '../accounts/schema.ts';
import { outbox } from '../mail/schema.ts';
import { auditEvents } from './schema.ts';

describe.each(testDatabaseKinds)('refused requests are audited on %s', (kind) => {
  let t: TestApp;
  let branch1: { id: string };
  let branch2: { id: string };
  let admin: { account: { id: string; email: string }; token: string };
  let organiser: { account: { id: string; email: string }; token: string };
  let national: { token: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { root } = await buildOrg(t.ctx.db);
    branch1 = await buildUnit(t.ctx.db, root.id);
    branch2 = await buildUnit(t.ctx.db, root.id);
    admin = await buildAccount(t.ctx, [{ unitId: branch1.id, role: 'unit_admin' }]);
    organiser = await buildAccount(t.ctx, [{ unitId: branch1.id, role: 'organiser' }]);
    national = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }]);
  });
  beforeEach(async () => {
    await t.ctx.db.delete(auditEvents).where(eq(auditEvents.action, 'auth.denied'));
  });
  afterAll(() => t.close());

  const denied = () => t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.denied')).orderBy(desc(auditEvents.createdAt));

  async function session(email: string) {
    await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email } });
    const [mail] = await t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.createdAt)).limit(1);
    const token = /#token=([\w-]+)/.exec(mail!.textBody)![1]!;
    const done = await t.request({ method: 'POST', url: '/api/auth/complete', payload: { token } });
    return { cookie: `tredegar_session=${done.cookies.find((c) => c.name === 'tredegar_session')!.value}`, csrf: done.json().csrfToken as string, linkToken: token };
  }

  it('records a 403 with the route pattern and reason, and nothing from the URL or body', async () => {
    const res = await t.request({ method: 'GET', url: '/api/admin/accounts?q=Zebedee%20Private', token: organiser.token });
    expect(res.statusCode).toBe(403);
    const [row] = await denied();
    expect(row).toMatchObject({
      actorAccountId: organiser.account.id,
      entityType: 'route',
      entityId: 'GET /api/admin/accounts',
      requestId: expect.any(String),
      changes: { method: 'GET', route: '/api/admin/accounts', status: 403, reason: 'forbidden', via: 'token', source: expect.any(String) },
    });
    expect(JSON.stringify(row)).not.toContain('Zebedee');
  });

  it('keeps the refusal when the refused request\'s own writes are rolled back', async () => {
    const res = await t.request({
      method: 'POST', url: '/api/admin/accounts', token: admin.token,
      payload: { email: 'rolled.back@example.org', displayName: 'Rhiannon Rolledback', grants: [{ unitId: branch1.id, role: 'member' }, { unitId: branch2.id, role: 'member' }] },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.ctx.db.select().from(accounts).where(eq(accounts.email, 'rolled.back@example.org'))).toHaveLength(0);
    const rows = await denied();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorAccountId: admin.account.id, entityId: 'POST /api/admin/accounts' });
    expect(JSON.stringify(rows[0])).not.toMatch(/rolled|Rhiannon/i);
  });

  it('records a bad or revoked bearer token, naming the owner of a revoked one', async () => {
    const bad = await t.request({ method: 'GET', url: '/api/units', headers: { authorization: 'Bearer tdg_nonsense' } });
    expect(bad.statusCode).toBe(401);
    const malformed = await t.request({ method: 'GET', url: '/api/units', headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
    const victim = await buildAccount(t.ctx, [{ unitId: branch1.id, role: 'volunteer' }]);
    const list = await t.request({ method: 'GET', url: '/api/account/tokens', token: victim.token });
    await t.request({ method: 'DELETE', url: `/api/account/tokens/${list.json().items[0].id}`, token: victim.token });
    expect((await t.request({ method: 'GET', url: '/api/units', token: victim.token })).statusCode).toBe(401);
    const rows = await denied();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => (r.changes as { reason: string }).reason === 'token_invalid' && (r.changes as { status: number }).status === 401)).toBe(true);
    expect(rows.filter((r) => r.actorAccountId === victim.account.id)).toHaveLength(1);
    expect(rows.filter((r) => r.actorAccountId === null)).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('tdg_nonsense');
  });

  it('does not record a plain "sign in first"', async () => {
    const res = await t.request({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(await denied()).toHaveLength(0);
  });

  it('records a CSRF failure against the session\'s account, without the body', async () => {
    const s = await session(organiser.account.email);
    const res = await t.request({ method: 'POST', url: '/api/account/tokens', headers: { cookie: s.cookie }, payload: { name: 'Gareth Secretname' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const [row] = await denied();
    expect(row).toMatchObject({ actorAccountId: organiser.account.id, changes: { reason: 'csrf_failed', via: 'session', route: '/api/account/tokens' } });
    expect(JSON.stringify(row)).not.toContain('Secretname');
  });

  it('records an expired session and a used sign-in link', async () => {
    const s = await session(organiser.account.email);
    await t.request({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect((await t.request({ method: 'GET', url: '/api/units', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/auth/complete', payload: { token: s.linkToken } })).statusCode).toBe(401);
    const rows = await denied();
    expect(rows.map((r) => (r.changes as { reason: string }).reason).sort()).toEqual(['credential_invalid', 'session_invalid']);
    expect(rows.find((r) => (r.changes as { reason: string }).reason === 'session_invalid')!.actorAccountId).toBe(organiser.account.id);
    expect(JSON.stringify(rows)).not.toContain(s.linkToken);
  });

  it('shows refusals by an organisation\'s accounts to its root auditors', async () => {
    await t.request({ method: 'GET', url: '/api/audit', token: organiser.token });
    const res = await t.request({ method: 'GET', url: '/api/audit?action=auth.denied', token: national.token });
    expect(res.json().items.map((i: { entityId: string }) => i.entityId)).toContain('GET /api/audit');
    const branchView = await t.request({ method: 'GET', url: '/api/audit?action=auth.denied', token: admin.token });
    expect(branchView.json().items).toEqual([]);
    expect(await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.denied'), eq(auditEvents.actorAccountId, organiser.account.id)))).toHaveLength(1);
  });
});
