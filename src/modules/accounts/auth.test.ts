import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { outbox } from '../mail/schema.ts';
import { roleGrants } from './schema.ts';

describe.each(testDatabaseKinds)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  let email: string;
  let accountId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const { root } = await buildOrg(t.ctx.db);
    const a = await buildAccount(t.ctx, [{ unitId: root.id, role: 'organiser' }]);
    email = a.account.email;
    accountId = a.account.id;
  });
  afterAll(() => t.close());

  async function signIn(address = email) {
    const res = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: address } });
    expect(res.statusCode).toBe(202);
    const [mail] = await t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(desc(outbox.createdAt)).limit(1);
    const token = /#token=([\w-]+)/.exec(mail!.textBody)![1]!;
    const done = await t.request({ method: 'POST', url: '/api/auth/complete', payload: { token } });
    expect(done.statusCode).toBe(200);
    const cookie = done.cookies.find((c) => c.name === 'tredegar_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    return { token, cookie: `tredegar_session=${cookie.value}`, csrf: done.json().csrfToken as string };
  }

  it('signs in with a magic link and gives a new session each time', async () => {
    const first = await signIn();
    const second = await signIn();
    expect(first.cookie).not.toBe(second.cookie);
    const me = await t.request({ method: 'GET', url: '/api/auth/session', headers: { cookie: first.cookie } });
    expect(me.json()).toMatchObject({ signedIn: true, account: { email } });
  });

  it('refuses a used or unknown link token', async () => {
    const { token } = await signIn();
    const again = await t.request({ method: 'POST', url: '/api/auth/complete', payload: { token } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('unauthenticated');
  });

  it('answers the same for unknown addresses and sends nothing', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'nobody@example.org' } });
    expect(res.statusCode).toBe(202);
    expect(await t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, 'nobody@example.org'))).toHaveLength(0);
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const s = await signIn();
    const without = await t.request({ method: 'POST', url: '/api/account/tokens', headers: { cookie: s.cookie }, payload: { name: 'x' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const withToken = await t.request({ method: 'POST', url: '/api/account/tokens', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { name: 'x' } });
    expect(withToken.statusCode).toBe(201);
  });

  it('signs out everywhere', async () => {
    const a = await signIn();
    const b = await signIn();
    const out = await t.request({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { cookie: a.cookie, 'x-csrf-token': a.csrf } });
    expect(out.statusCode).toBe(204);
    const me = await t.request({ method: 'GET', url: '/api/auth/session', headers: { cookie: b.cookie } });
    expect(me.json().signedIn).toBe(false);
  });

  it('API tokens work, show last use, and stop working when revoked', async () => {
    const s = await signIn();
    const created = await t.request({ method: 'POST', url: '/api/account/tokens', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { name: 'script' } });
    const { token, id } = created.json();
    expect((await t.request({ method: 'GET', url: '/api/units', token })).statusCode).toBe(200);
    const list = await t.request({ method: 'GET', url: '/api/account/tokens', token });
    expect(list.json().items.find((x: { id: string }) => x.id === id).lastUsedAt).not.toBeNull();
    expect((await t.request({ method: 'DELETE', url: `/api/account/tokens/${id}`, token })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/units', token })).statusCode).toBe(401);
  });

  it('a removed role stops working on the next request', async () => {
    const s = await signIn();
    const before = await t.request({ method: 'GET', url: '/api/units', headers: { cookie: s.cookie } });
    expect(before.json().items.length).toBeGreaterThan(0);
    await t.ctx.db.delete(roleGrants).where(eq(roleGrants.accountId, accountId));
    const after = await t.request({ method: 'GET', url: '/api/units', headers: { cookie: s.cookie } });
    expect(after.json().items).toHaveLength(0);
  });

  it('rejects unknown fields and malformed bodies in the error shape', async () => {
    const extra = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, admin: true } });
    expect(extra.statusCode).toBe(422);
    expect(extra.json().error.code).toBe('validation_failed');
    const bad = await t.request({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
  });

  it('reports health with database kind and migration', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: kind });
    expect(res.json().migration).toMatch(/^\d{4}_/);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 in the error shape after five attempts a minute', async () => {
    const t = await createTestApp('pglite', { RATE_LIMIT_MULTIPLIER: '1' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        codes.push((await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'x@example.org' } })).statusCode);
      }
      expect(codes.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
      const last = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'x@example.org' } });
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('rate_limited');
    } finally {
      await t.close();
    }
  });
});
