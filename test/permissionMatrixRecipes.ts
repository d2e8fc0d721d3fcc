import type { InjectOptions } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { createApiToken } from '../src/modules/accounts/createApiToken.ts';
import { apiTokens, accounts, roleGrants, sessions } from '../src/modules/accounts/schema.ts';
import { events } from '../src/modules/events/schema.ts';
import { units } from '../src/modules/units/schema.ts';
import { unique, type MatrixActor, type MatrixWorld } from './permissionMatrixWorld.ts';

export type RequestSpec = Pick<InjectOptions, 'method' | 'url' | 'payload' | 'headers'>;

/**
 * How to make a valid request to one route as one actor: against a record in the actor's own
 * unit (`inScope`) and, where the route acts on a record, against the same kind of record in a
 * sibling unit (`outOfScope`). Recipes may create what they need, so each call stands alone.
 * The permission matrix runs every recipe for every role and keeps the answers in
 * test/permissionMatrix.snapshot.md. Add a recipe here when adding a route to a domain.
 */
export interface Recipe {
  inScope(w: MatrixWorld, actor: MatrixActor): Promise<RequestSpec> | RequestSpec;
  outOfScope?(w: MatrixWorld, actor: MatrixActor): Promise<RequestSpec> | RequestSpec;
}

const get = (url: string): Recipe => ({ inScope: () => ({ method: 'GET', url }) });

async function sessionOf(w: MatrixWorld, accountId: string): Promise<string> {
  const [s] = await w.t.ctx.db
    .insert(sessions)
    .values({ accountId, tokenHash: unique('hash'), csrfToken: unique('csrf'), expiresAt: new Date(Date.now() + 3_600_000) })
    .returning({ id: sessions.id });
  return s!.id;
}

async function grantOf(w: MatrixWorld, accountId: string): Promise<string> {
  const [g] = await w.t.ctx.db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.accountId, accountId));
  return g!.id;
}

async function disabledAccount(w: MatrixWorld, unitId: string): Promise<string> {
  const a = await w.makeAccount(unitId, 'volunteer');
  await w.t.ctx.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, a.id));
  return a.id;
}

export const recipes: Record<string, Recipe> = {
  'GET /api/docs': get('/api/docs'),
  'GET /api/docs/json': get('/api/docs/json'),
  'GET /api/docs/yaml': get('/api/docs/yaml'),
  'GET /api/docs/static/index.html': get('/api/docs/static/index.html'),
  'GET /api/docs/static/swagger-initializer.js': get('/api/docs/static/swagger-initializer.js'),
  'GET /api/docs/static/*': get('/api/docs/static/swagger-ui.css'),

  'POST /api/auth/sign-out': { inScope: () => ({ method: 'POST', url: '/api/auth/sign-out' }) },
  'POST /api/auth/sign-out-everywhere': { inScope: () => ({ method: 'POST', url: '/api/auth/sign-out-everywhere' }) },

  'GET /api/account/sessions': get('/api/account/sessions'),
  'DELETE /api/account/sessions/:id': {
    inScope: async (w, a) => ({ method: 'DELETE', url: `/api/account/sessions/${await sessionOf(w, a.accountId)}` }),
    outOfScope: async (w) => ({ method: 'DELETE', url: `/api/account/sessions/${await sessionOf(w, (await w.makeAccount(w.sibling.id, 'volunteer')).id)}` }),
  },
  'GET /api/account/tokens': get('/api/account/tokens'),
  'POST /api/account/tokens': { inScope: () => ({ method: 'POST', url: '/api/account/tokens', payload: { name: 'matrix' } }) },
  'DELETE /api/account/tokens/:id': {
    inScope: async (w, a) => ({ method: 'DELETE', url: `/api/account/tokens/${(await createApiToken(w.t.ctx, a.accountId, 'spare')).id}` }),
    outOfScope: async (w) => {
      const other = await w.makeAccount(w.sibling.id, 'volunteer');
      const [tok] = await w.t.ctx.db.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.accountId, other.id), isNull(apiTokens.revokedAt)));
      return { method: 'DELETE', url: `/api/account/tokens/${tok!.id}` };
    },
  },

  'GET /api/areas': get('/api/areas'),
  'GET /api/areas/:code': { inScope: (w) => ({ method: 'GET', url: `/api/areas/${w.areaCode}` }) },

  'GET /api/units': get('/api/units'),
  'GET /api/units/:id': {
    inScope: (w) => ({ method: 'GET', url: `/api/units/${w.home.id}` }),
    outOfScope: (w) => ({ method: 'GET', url: `/api/units/${w.sibling.id}` }),
  },
  'POST /api/units': {
    inScope: (w) => ({ method: 'POST', url: '/api/units', payload: { parentId: w.home.id, kind: 'branch', code: unique('matrix'), name: 'Matrix Sub-branch' } }),
    outOfScope: (w) => ({ method: 'POST', url: '/api/units', payload: { parentId: w.sibling.id, kind: 'branch', code: unique('matrix'), name: 'Matrix Sub-branch' } }),
  },
  'PUT /api/units/:id/areas': {
    inScope: (w) => ({ method: 'PUT', url: `/api/units/${w.home.id}/areas`, payload: { areaCodes: [w.areaCode] } }),
    outOfScope: (w) => ({ method: 'PUT', url: `/api/units/${w.sibling.id}/areas`, payload: { areaCodes: [w.areaCode] } }),
  },

  'GET /api/admin/accounts': get('/api/admin/accounts'),
  'GET /api/admin/accounts/:id': {
    inScope: async (w) => ({ method: 'GET', url: `/api/admin/accounts/${(await w.makeAccount(w.home.id, 'volunteer')).id}` }),
    outOfScope: async (w) => ({ method: 'GET', url: `/api/admin/accounts/${(await w.makeAccount(w.sibling.id, 'volunteer')).id}` }),
  },
  'POST /api/admin/accounts': {
    inScope: (w) => ({ method: 'POST', url: '/api/admin/accounts', payload: { email: `${unique('new')}@example.org`, displayName: 'Matrix New', grants: [{ unitId: w.home.id, role: 'volunteer' }] } }),
    outOfScope: (w) => ({ method: 'POST', url: '/api/admin/accounts', payload: { email: `${unique('new')}@example.org`, displayName: 'Matrix New', grants: [{ unitId: w.sibling.id, role: 'volunteer' }] } }),
  },
  'POST /api/admin/accounts/:id/grants': {
    inScope: async (w) => ({ method: 'POST', url: `/api/admin/accounts/${(await w.makeAccount(w.home.id, 'member')).id}/grants`, payload: { unitId: w.home.id, role: 'volunteer' } }),
    outOfScope: async (w) => ({ method: 'POST', url: `/api/admin/accounts/${(await w.makeAccount(w.sibling.id, 'member')).id}/grants`, payload: { unitId: w.sibling.id, role: 'volunteer' } }),
  },
  'DELETE /api/admin/grants/:grantId': {
    inScope: async (w) => ({ method: 'DELETE', url: `/api/admin/grants/${await grantOf(w, (await w.makeAccount(w.home.id, 'volunteer')).id)}` }),
    outOfScope: async (w) => ({ method: 'DELETE', url: `/api/admin/grants/${await grantOf(w, (await w.makeAccount(w.sibling.id, 'volunteer')).id)}` }),
  },
  'POST /api/admin/accounts/:id/disable': {
    inScope: async (w) => ({ method: 'POST', url: `/api/admin/accounts/${(await w.makeAccount(w.home.id, 'volunteer')).id}/disable` }),
    outOfScope: async (w) => ({ method: 'POST', url: `/api/admin/accounts/${(await w.makeAccount(w.sibling.id, 'volunteer')).id}/disable` }),
  },
  'POST /api/admin/accounts/:id/enable': {
    inScope: async (w) => ({ method: 'POST', url: `/api/admin/accounts/${await disabledAccount(w, w.home.id)}/enable` }),
    outOfScope: async (w) => ({ method: 'POST', url: `/api/admin/accounts/${await disabledAccount(w, w.sibling.id)}/enable` }),
  },

  'GET /api/accounts/directory': get('/api/accounts/directory'),

  'GET /api/audit': get('/api/audit'),
  'GET /api/audit/verify': get('/api/audit/verify'),

  'GET /api/events': get('/api/events'),
  'POST /api/events': {
    inScope: (w) => ({ method: 'POST', url: '/api/events', payload: matrixEvent(w.home.id) }),
    outOfScope: (w) => ({ method: 'POST', url: '/api/events', payload: matrixEvent(w.sibling.id) }),
  },
  'GET /api/events/:id': {
    inScope: async (w) => ({ method: 'GET', url: `/api/events/${await eventIn(w, w.home.id)}` }),
    outOfScope: async (w) => ({ method: 'GET', url: `/api/events/${await eventIn(w, w.sibling.id)}` }),
  },
  'PATCH /api/events/:id': {
    inScope: async (w) => ({ method: 'PATCH', url: `/api/events/${await eventIn(w, w.home.id)}`, payload: { title: 'Matrix renamed' } }),
    outOfScope: async (w) => ({ method: 'PATCH', url: `/api/events/${await eventIn(w, w.sibling.id)}`, payload: { title: 'Matrix renamed' } }),
  },
  'GET /api/events/:id/attendees': {
    inScope: async (w) => ({ method: 'GET', url: `/api/events/${await eventIn(w, w.home.id)}/attendees` }),
    outOfScope: async (w) => ({ method: 'GET', url: `/api/events/${await eventIn(w, w.sibling.id)}/attendees` }),
  },
  'POST /api/events/:id/walk-ins': {
    inScope: async (w) => ({ method: 'POST', url: `/api/events/${await eventIn(w, w.home.id)}/walk-ins`, payload: { firstName: 'Matrix', email: `${unique('walkin')}@example.org` } }),
    outOfScope: async (w) => ({ method: 'POST', url: `/api/events/${await eventIn(w, w.sibling.id)}/walk-ins`, payload: { firstName: 'Matrix', email: `${unique('walkin')}@example.org` } }),
  },
};

function matrixEvent(unitId: string) {
  return { unitId, kind: 'house_meeting', title: 'Matrix meeting', mode: 'in_person', address: 'Matrix hall', startsAt: '2030-05-01T19:00', endsAt: '2030-05-01T21:00', visibility: 'unit' };
}

/** A unit-only event in a unit, made directly (not through the API, so no role is needed). */
async function eventIn(w: MatrixWorld, unitId: string): Promise<string> {
  const [unit] = await w.t.ctx.db.select({ orgId: units.orgId }).from(units).where(eq(units.id, unitId));
  const [e] = await w.t.ctx.db.insert(events).values({
    orgId: unit!.orgId, unitId, kind: 'house_meeting', title: 'Matrix meeting', mode: 'in_person', address: 'Matrix hall',
    startsAt: new Date('2030-05-01T18:00:00Z'), endsAt: new Date('2030-05-01T20:00:00Z'), visibility: 'unit', privacyNoticeVersion: 'v1',
  }).returning({ id: events.id });
  return e!.id;
}

/** Route prefixes of the spine: every route under them must have a recipe above. */
export const spinePrefixes = ['/api/docs', '/api/openapi.json', '/api/health', '/api/auth/', '/api/account/', '/api/areas', '/api/units', '/api/admin/', '/api/accounts/', '/api/audit'];
