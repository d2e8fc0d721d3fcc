import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { canAnywhere, type Actor } from './actor.ts';
import { adminCreateAccount } from './adminCreateAccount.ts';
import { adminGrantRoles, lockAccount } from './adminGrantRoles.ts';
import { getAdminAccount, listAdminAccounts } from './adminQueries.ts';
import { adminRevokeGrant } from './adminRevokeGrant.ts';
import { adminSetAccountDisabled } from './adminSetAccountDisabled.ts';
import { roles } from './schema.ts';

const grantView = z.object({
  id: z.string().uuid(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  unitCode: z.string(),
  orgId: z.string().uuid(),
  role: z.enum(roles),
  createdAt: z.string(),
});
const accountView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable().describe('start of the newest session'),
  grants: z.array(grantView).describe('only the grants inside your administered units'),
});
const grantInput = z.strictObject({ unitId: z.string().uuid(), role: z.enum(roles) });
const accountParams = z.strictObject({ id: z.string().uuid() });

const present = <T extends { disabledAt: string | null }>(a: T) => ({ ...a, disabled: a.disabledAt !== null });

function adminOf(req: { actor: Actor | null }): Actor {
  const actor = actorOf(req);
  if (!canAnywhere(actor, 'roles.manage')) throw forbidden();
  return actor;
}

/**
 * Account administration: who holds which role where. Every answer is limited to the units the
 * caller administers, and nobody can grant or remove a role ranking above their own.
 */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const viewOf = async (actor: Actor, id: string) => {
    const account = await getAdminAccount(db, actor, id);
    if (!account) throw notFound('Account');
    return present(account);
  };

  app.get(
    '/admin/accounts',
    {
      schema: {
        tags: ['admin'],
        summary: 'Accounts holding a role in the units I administer',
        querystring: z.strictObject({
          unit: z.string().uuid().optional().describe('only accounts with a role in this unit or below it'),
          q: z.string().trim().max(200).optional().describe('part of a name or email address'),
          role: z.enum(roles).optional(),
          status: z.enum(['active', 'disabled']).optional(),
          ...pageQuery,
        }),
        response: { 200: pageResponse(accountView) },
      },
    },
    async (req) => {
      const page = await listAdminAccounts(db, adminOf(req), req.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/admin/accounts/:id',
    { schema: { tags: ['admin'], summary: 'One account and its roles in the units I administer', params: accountParams, response: { 200: accountView } } },
    async (req) => viewOf(adminOf(req), req.params.id),
  );

  app.post(
    '/admin/accounts',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an account with roles, or add roles to the account with that email',
        description: 'Answers 201 when the account is new and 200 when it existed. Roles it already holds are left unchanged, so repeating the request is harmless.',
        body: z.strictObject({
          email: z.string().trim().toLowerCase().email().max(320),
          displayName: z.string().trim().min(1).max(200),
          grants: z.array(grantInput).min(1).max(20),
          sendInvitation: z.boolean().default(false).describe('email the person an invitation to sign in'),
        }),
        response: { 200: accountView.extend({ created: z.literal(false), invited: z.boolean() }), 201: accountView.extend({ created: z.literal(true), invited: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const actor = adminOf(req);
      const result = await adminCreateAccount(app.ctx, actor, req.body, req.id);
      const view = { ...(await viewOf(actor, result.accountId)), invited: result.invited };
      return result.created ? reply.code(201).send({ ...view, created: true as const }) : reply.code(200).send({ ...view, created: false as const });
    },
  );

  app.post(
    '/admin/accounts/:id/grants',
    {
      schema: {
        tags: ['admin'],
        summary: 'Grant another role to an account that holds one in my units',
        description: 'Answers 201 with the new grant, or 200 when the account already held it.',
        params: accountParams,
        body: grantInput,
        response: { 200: grantView, 201: grantView },
      },
    },
    async (req, reply) => {
      const actor = adminOf(req);
      // Only accounts that already hold a role here: an account elsewhere is added by email, never by a guessed id.
      if (!(await getAdminAccount(db, actor, req.params.id))) throw notFound('Account');
      const [grant] = await db.transaction(async (tx) => {
        await lockAccount(tx, req.params.id);
        return adminGrantRoles(tx, actor, req.params.id, [req.body], req.id);
      });
      const view = (await viewOf(actor, req.params.id)).grants.find((g) => g.id === grant!.id)!;
      return reply.code(grant!.isNew ? 201 : 200).send(view);
    },
  );

  app.delete(
    '/admin/grants/:grantId',
    {
      schema: { tags: ['admin'], summary: 'Remove a role grant', params: z.strictObject({ grantId: z.string().uuid() }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      await adminRevokeGrant(db, adminOf(req), req.params.grantId, req.id);
      return reply.code(204).send(null);
    },
  );

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(
      `/admin/accounts/:id/${verb}`,
      {
        schema: {
          tags: ['admin'],
          summary: disabled ? 'Disable an account, ending all its sessions and API tokens at once' : 'Enable a disabled account',
          params: accountParams,
          response: { 200: accountView },
        },
      },
      async (req) => {
        const actor = adminOf(req);
        await adminSetAccountDisabled(db, actor, req.params.id, disabled, req.id);
        return viewOf(actor, req.params.id);
      },
    );
  }
};
