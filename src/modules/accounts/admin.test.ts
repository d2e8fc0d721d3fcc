import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { createApiToken } from './createApiToken.ts';
import { accounts, roleGrants } from './schema.ts';

describe.each(testDatabaseKinds)('account administration on %s', (kind) => {
  let t: TestApp;
  let a: { root: { id: string; orgId: string }; branch1: { id: string; orgId: string }; branch2: { id: string; orgId: string } };
  let orgB: { id: string; orgId: string };
  let nat: { account: { id: string }; token: string };
  let admin1: { account: { id: string }; token: string };
  let organiser: { account: { id: string }; token: string };
  let v1: { account: { id: string; email: string }; token: string };
  let v2: { account: { id: string; email: string }; token: string };
  let multi: { account: { id: string; email: string }; token: string };
  let other: { account: { id: string; email: string }; token: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { root } = await buildOrg(t.ctx.db);
    const region = await buildUnit(t.ctx.db, root.id, { kind: 'region' });
    a = { root, branch1: await buildUnit(t.ctx.db, region.id), branch2: await buildUnit(t.ctx.db, region.id) };
    orgB = (await buildOrg(t.ctx.db)).root;
    nat = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }], { displayName: 'Aaron National' });
    admin1 = await buildAccount(t.ctx, [{ unitId: a.branch1.id, role: 'unit_admin' }], { displayName: 'Beth Branch Admin' });
    organiser = await buildAccount(t.ctx, [{ unitId: a.branch1.id, role: 'organiser' }], { displayName: 'Cath Organiser' });
    v1 = await buildAccount(t.ctx, [{ unitId: a.branch1.id, role: 'volunteer' }], { displayName: 'Dai Volunteer' });
    v2 = await buildAccount(t.ctx, [{ unitId: a.branch2.id, role: 'volunteer' }], { displayName: 'Efa Sibling', email: 'efa.sibling@example.org' });
    multi = await buildAccount(t.ctx, [{ unitId: a.branch1.id, role: 'volunteer' }, { unitId: a.branch2.id, role: 'organiser' }], { displayName: 'Ffion Both' });
    other = await buildAccount(t.ctx, [{ unitId: orgB.id, role: 'organiser' }], { displayName: 'Gwen Otherorg', email: 'gwen.otherorg@example.org' });
  });
  afterAll(() => t.close());

  const list = (token: string, query = '') => t.request({ method: 'GET', url: `/api/admin/accounts${query}`, token });
  const auditOf = (accountId: string) =>
    t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, accountId)).orderBy(desc(auditEvents.createdAt));

  async function signIn(email: string) {
    await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email } });
    const [mail] = await t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.createdAt)).limit(1);
    const token = /#token=([\w-]+)/.exec(mail!.textBody)![1]!;
    const done = await t.request({ method: 'POST', url: '/api/auth/complete', payload: { token } });
    expect(done.statusCode).toBe(200);
    return `tredegar_session=${done.cookies.find((c) => c.name === 'tredegar_session')!.value}`;
  }

  it('lists only accounts holding a role inside the caller\'s units, with only those grants', async () => {
    const res = await list(admin1.token);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((i: { displayName: string }) => i.displayName);
    expect(names).toEqual(['Beth Branch Admin', 'Cath Organiser', 'Dai Volunteer', 'Ffion Both']);
    const both = res.json().items.find((i: { id: string }) => i.id === multi.account.id);
    expect(both.grants).toHaveLength(1);
    expect(both.grants[0]).toMatchObject({ unitId: a.branch1.id, role: 'volunteer' });
    expect(res.body).not.toContain('efa.sibling');
    expect(res.body).not.toContain('Otherorg');
    expect(res.body).not.toContain(a.branch2.id);

    const national = await list(nat.token);
    const all = national.json().items.map((i: { displayName: string }) => i.displayName);
    expect(all).toEqual(['Aaron National', 'Beth Branch Admin', 'Cath Organiser', 'Dai Volunteer', 'Efa Sibling', 'Ffion Both']);
    expect(national.body).not.toContain('Otherorg');
    expect(national.json().items.find((i: { id: string }) => i.id === multi.account.id).grants).toHaveLength(2);
  });

  it('filters by text, role, unit and status, and pages without gaps or repeats', async () => {
    expect((await list(nat.token, '?q=VOLUNT')).json().items.map((i: { id: string }) => i.id)).toEqual([v1.account.id]);
    expect((await list(nat.token, '?q=100%25')).json().items).toEqual([]);
    expect((await list(nat.token, '?role=organiser')).json().items.map((i: { id: string }) => i.id).sort()).toEqual([organiser.account.id, multi.account.id].sort());
    expect((await list(nat.token, `?unit=${a.branch2.id}`)).json().items.map((i: { id: string }) => i.id).sort()).toEqual([v2.account.id, multi.account.id].sort());
    // A unit outside the caller's units narrows to nothing rather than widening the scope.
    expect((await list(admin1.token, `?unit=${a.branch2.id}`)).json().items).toEqual([]);
    expect((await list(admin1.token, `?unit=${orgB.id}`)).json().items).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(nat.token, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((i: { id: string }) => i.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const bad = await list(nat.token, `?cursor=${Buffer.from('[1,2]').toString('base64url')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
    expect((await list(nat.token, '?extra=1')).statusCode).toBe(422);
  });

  it('refuses every admin route to callers without roles.manage', async () => {
    const calls = [
      { method: 'GET' as const, url: '/api/admin/accounts' },
      { method: 'GET' as const, url: `/api/admin/accounts/${v1.account.id}` },
      { method: 'POST' as const, url: '/api/admin/accounts', payload: { email: 'x@example.org', displayName: 'X', grants: [{ unitId: a.branch1.id, role: 'member' }] } },
      { method: 'POST' as const, url: `/api/admin/accounts/${v1.account.id}/grants`, payload: { unitId: a.branch1.id, role: 'member' } },
      { method: 'POST' as const, url: `/api/admin/accounts/${v1.account.id}/disable` },
      { method: 'POST' as const, url: `/api/admin/accounts/${v1.account.id}/enable` },
    ];
    for (const c of calls) {
      const res = await t.request({ ...c, token: organiser.token });
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const [g] = await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.accountId, v1.account.id));
    expect((await t.request({ method: 'DELETE', url: `/api/admin/grants/${g!.id}`, token: organiser.token })).statusCode).toBe(403);
    expect(await t.ctx.db.select().from(accounts).where(eq(accounts.email, 'x@example.org'))).toHaveLength(0);
  });

  it('creates an account with roles, audits it in the same transaction, and repeating it changes nothing', async () => {
    const body = { email: ' New.Person@Example.org ', displayName: 'Hywel New', grants: [{ unitId: a.branch1.id, role: 'volunteer' }] };
    const res = await t.request({ method: 'POST', url: '/api/admin/accounts', token: admin1.token, payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'new.person@example.org', displayName: 'Hywel New', disabled: false, created: true, invited: false, grants: [{ unitId: a.branch1.id, role: 'volunteer' }] });
    const id = res.json().id;
    const audit = await auditOf(id);
    expect(audit.map((r) => r.action).sort()).toEqual(['account.create', 'role.grant']);
    expect(audit.every((r) => r.unitId === a.branch1.id && r.orgId === a.root.orgId && r.actorAccountId === admin1.account.id)).toBe(true);
    expect(audit.every((r) => r.requestId === audit[0]!.requestId)).toBe(true);

    const again = await t.request({ method: 'POST', url: '/api/admin/accounts', token: admin1.token, payload: { ...body, displayName: 'Renamed' } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, displayName: 'Hywel New', created: false });
    expect(await auditOf(id)).toHaveLength(2);
    expect(await t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, 'new.person@example.org'))).toHaveLength(0);
  });

  it('sends an invitation without a sign-in token when asked', async () => {
    const res = await t.request({
      method: 'POST', url: '/api/admin/accounts', token: admin1.token,
      payload: { email: 'invited@example.org', displayName: 'Iolo Invited', grants: [{ unitId: a.branch1.id, role: 'organiser' }], sendInvitation: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().invited).toBe(true);
    const [mail] = await t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, 'invited@example.org'));
    expect(mail!.textBody).toContain('organiser in');
    expect(mail!.textBody).toContain('http://localhost:3000/sign-in');
    expect(mail!.textBody).not.toContain('token=');
    expect((await auditOf(res.json().id)).map((r) => r.action)).toContain('account.invite');
  });

  it('refuses grants outside the caller\'s units or above their rank, writing nothing', async () => {
    const outside = await t.request({ method: 'POST', url: '/api/admin/accounts', token: admin1.token, payload: { email: 'nope@example.org', displayName: 'Nope', grants: [{ unitId: a.branch1.id, role: 'volunteer' }, { unitId: a.branch2.id, role: 'volunteer' }] } });
    expect(outside.statusCode).toBe(403);
    const above = await t.request({ method: 'POST', url: '/api/admin/accounts', token: admin1.token, payload: { email: 'nope@example.org', displayName: 'Nope', grants: [{ unitId: a.branch1.id, role: 'national_admin' }] } });
    expect(above.statusCode).toBe(403);
    expect(above.json().error.message).toMatch(/ranks above/);
    const unknown = await t.request({ method: 'POST', url: '/api/admin/accounts', token: admin1.token, payload: { email: 'nope@example.org', displayName: 'Nope', grants: [{ unitId: crypto.randomUUID(), role: 'volunteer' }] } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details[0].path).toBe('grants.0.unitId');
    const otherOrg = await t.request({ method: 'POST', url: '/api/admin/accounts', token: nat.token, payload: { email: 'nope@example.org', displayName: 'Nope', grants: [{ unitId: orgB.id, role: 'member' }] } });
    expect(otherOrg.statusCode).toBe(403);
    const extra = await t.request({ method: 'POST', url: '/api/admin/accounts', token: nat.token, payload: { email: 'nope@example.org', displayName: 'Nope', grants: [{ unitId: a.branch1.id, role: 'member' }], isAdmin: true } });
    expect(extra.statusCode).toBe(422);
    expect(await t.ctx.db.select().from(accounts).where(eq(accounts.email, 'nope@example.org'))).toHaveLength(0);
  });

  it('grants a role to an existing account once, up to the caller\'s own rank', async () => {
    const url = `/api/admin/accounts/${v1.account.id}/grants`;
    const first = await t.request({ method: 'POST', url, token: admin1.token, payload: { unitId: a.branch1.id, role: 'unit_admin' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ unitId: a.branch1.id, role: 'unit_admin', unitName: expect.any(String), unitCode: expect.any(String) });
    const again = await t.request({ method: 'POST', url, token: admin1.token, payload: { unitId: a.branch1.id, role: 'unit_admin' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await auditOf(v1.account.id)).filter((r) => r.action === 'role.grant')).toHaveLength(1);
    expect((await t.request({ method: 'POST', url, token: admin1.token, payload: { unitId: a.branch1.id, role: 'national_admin' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/admin/accounts/${crypto.randomUUID()}/grants`, token: admin1.token, payload: { unitId: a.branch1.id, role: 'member' } })).statusCode).toBe(404);
    // An account holding no role in the admin's units is added by email, never by id.
    for (const outsider of [v2.account.id, other.account.id]) {
      expect((await t.request({ method: 'POST', url: `/api/admin/accounts/${outsider}/grants`, token: admin1.token, payload: { unitId: a.branch1.id, role: 'member' } })).statusCode).toBe(404);
    }
    await t.request({ method: 'DELETE', url: `/api/admin/grants/${first.json().id}`, token: admin1.token });
  });

  it('revokes a grant in scope, hides grants out of scope, and will not let admins remove their own', async () => {
    const granted = await t.request({ method: 'POST', url: `/api/admin/accounts/${v1.account.id}/grants`, token: admin1.token, payload: { unitId: a.branch1.id, role: 'organiser' } });
    const grantId = granted.json().id;
    const before = await t.request({ method: 'GET', url: '/api/units', token: v1.token });
    expect(before.statusCode).toBe(200);
    const res = await t.request({ method: 'DELETE', url: `/api/admin/grants/${grantId}`, token: admin1.token });
    expect(res.statusCode).toBe(204);
    expect(await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.id, grantId))).toHaveLength(0);
    const revoke = (await auditOf(v1.account.id)).find((r) => r.action === 'role.revoke');
    expect(revoke).toMatchObject({ unitId: a.branch1.id, actorAccountId: admin1.account.id, changes: { role: 'organiser', grantId } });
    expect((await t.request({ method: 'DELETE', url: `/api/admin/grants/${grantId}`, token: admin1.token })).statusCode).toBe(404);

    const [sibling] = await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.accountId, v2.account.id));
    expect((await t.request({ method: 'DELETE', url: `/api/admin/grants/${sibling!.id}`, token: admin1.token })).statusCode).toBe(404);
    const [national] = await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.accountId, nat.account.id));
    expect((await t.request({ method: 'DELETE', url: `/api/admin/grants/${national!.id}`, token: admin1.token })).statusCode).toBe(404);
    const [own] = await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.accountId, admin1.account.id));
    const self = await t.request({ method: 'DELETE', url: `/api/admin/grants/${own!.id}`, token: admin1.token });
    expect(self.statusCode).toBe(409);
    expect(await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.id, own!.id))).toHaveLength(1);
  });

  it('disabling ends every session and token at once; enabling restores sign-in only', async () => {
    const cookie = await signIn(v1.account.email);
    expect((await t.request({ method: 'GET', url: '/api/units', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/units', token: v1.token })).statusCode).toBe(200);
    await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: v1.account.email } });
    const [pending] = await t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, v1.account.email)).orderBy(desc(outbox.createdAt)).limit(1);
    const pendingToken = /#token=([\w-]+)/.exec(pending!.textBody)![1]!;

    const res = await t.request({ method: 'POST', url: `/api/admin/accounts/${v1.account.id}/disable`, token: admin1.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: v1.account.id, disabled: true, disabledAt: expect.any(String) });
    expect((await t.request({ method: 'GET', url: '/api/units', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/units', token: v1.token })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/auth/complete', payload: { token: pendingToken } })).statusCode).toBe(401);
    const audit = (await auditOf(v1.account.id)).find((r) => r.action === 'account.disable');
    expect(audit).toMatchObject({ unitId: a.branch1.id, changes: { disabled: [false, true], sessionsRevoked: 1, tokensRevoked: 1 } });
    // Repeating is harmless and writes nothing more.
    expect((await t.request({ method: 'POST', url: `/api/admin/accounts/${v1.account.id}/disable`, token: admin1.token })).statusCode).toBe(200);
    expect((await auditOf(v1.account.id)).filter((r) => r.action === 'account.disable')).toHaveLength(1);
    expect((await list(admin1.token, '?status=disabled')).json().items.map((i: { id: string }) => i.id)).toEqual([v1.account.id]);

    const enabled = await t.request({ method: 'POST', url: `/api/admin/accounts/${v1.account.id}/enable`, token: admin1.token });
    expect(enabled.json()).toMatchObject({ disabled: false, disabledAt: null });
    expect((await t.request({ method: 'GET', url: '/api/units', token: v1.token })).statusCode).toBe(401);
    const fresh = await signIn(v1.account.email);
    expect((await t.request({ method: 'GET', url: '/api/units', headers: { cookie: fresh } })).statusCode).toBe(200);
    const listed = (await list(admin1.token, `?q=${encodeURIComponent('dai volunteer')}`)).json().items[0];
    expect(listed.lastSignInAt).not.toBeNull();
  });

  it('disables only accounts whose every role the caller can manage, and never the caller\'s own', async () => {
    const partial = await t.request({ method: 'POST', url: `/api/admin/accounts/${multi.account.id}/disable`, token: admin1.token });
    expect(partial.statusCode).toBe(403);
    expect(await t.ctx.db.select().from(accounts).where(and(eq(accounts.id, multi.account.id)))).toMatchObject([{ disabledAt: null }]);
    expect((await t.request({ method: 'POST', url: `/api/admin/accounts/${other.account.id}/disable`, token: nat.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/admin/accounts/${v2.account.id}/disable`, token: admin1.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/admin/accounts/${admin1.account.id}/disable`, token: admin1.token })).statusCode).toBe(409);
    expect((await t.request({ method: 'POST', url: `/api/admin/accounts/${nat.account.id}/disable`, token: admin1.token })).statusCode).toBe(404);
    const both = await t.request({ method: 'POST', url: `/api/admin/accounts/${multi.account.id}/disable`, token: nat.token });
    expect(both.statusCode).toBe(200);
    const rows = (await auditOf(multi.account.id)).filter((r) => r.action === 'account.disable');
    expect(rows.map((r) => r.unitId).sort()).toEqual([a.branch1.id, a.branch2.id].sort());
    await t.request({ method: 'POST', url: `/api/admin/accounts/${multi.account.id}/enable`, token: nat.token });
  });

  it('a removed last role leaves the account with nothing on its next request', async () => {
    const made = await t.request({ method: 'POST', url: '/api/admin/accounts', token: admin1.token, payload: { email: 'short.stay@example.org', displayName: 'Short Stay', grants: [{ unitId: a.branch1.id, role: 'volunteer' }] } });
    const { token } = await createApiToken(t.ctx, made.json().id, 'test');
    expect((await t.request({ method: 'GET', url: '/api/units', token })).json().items.length).toBeGreaterThan(0);
    await t.request({ method: 'DELETE', url: `/api/admin/grants/${made.json().grants[0].id}`, token: admin1.token });
    expect((await t.request({ method: 'GET', url: '/api/units', token })).json().items).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/api/admin/accounts/${made.json().id}`, token: admin1.token })).statusCode).toBe(404);
  });

  it('replays a create sent again with the same Idempotency-Key', async () => {
    const req = { method: 'POST' as const, url: '/api/admin/accounts', token: nat.token, headers: { 'idempotency-key': 'admin-create-0001' }, payload: { email: 'idem@example.org', displayName: 'Idem', grants: [{ unitId: a.branch2.id, role: 'member' }] } };
    const first = await t.request(req);
    const second = await t.request(req);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
  });
});
